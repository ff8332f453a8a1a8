variable "name" {
  description = "Name of the role, e.g. sluice-prod-worker."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,63}$", var.name))
    error_message = "name must be lower-case letters, digits and hyphens (IAM allows 64 characters)."
  }
}

variable "component" {
  description = "What runs under the role (api, worker, reaper, keda), for its description."
  type        = string
}

variable "policy_json" {
  description = "The role's only permissions policy (an aws_iam_policy_document's json)."
  type        = string
}

variable "identity" {
  description = "How pods get the role: irsa (the cluster's OIDC provider) or pod_identity (EKS Pod Identity)."
  type        = string

  validation {
    condition     = contains(["irsa", "pod_identity"], var.identity)
    error_message = "identity must be irsa or pod_identity."
  }
}

variable "namespace" {
  description = "Kubernetes namespace of the service account."
  type        = string
}

variable "service_account" {
  description = "Kubernetes service account the role is bound to."
  type        = string
}

variable "account_id" {
  description = "AWS account of the cluster (Pod Identity trust condition)."
  type        = string
}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider (IRSA only)."
  type        = string
  default     = ""
}

variable "oidc_issuer_url" {
  description = "The cluster's OIDC issuer URL (IRSA only)."
  type        = string
  default     = ""
}

variable "cluster_name" {
  description = "EKS cluster name (Pod Identity only)."
  type        = string
  default     = ""
}

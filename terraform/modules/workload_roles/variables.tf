variable "name_prefix" {
  description = "Prefix of the role names, <project>-<environment>; roles are <prefix>-api, -worker, -reaper, -keda."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,56}$", var.name_prefix))
    error_message = "name_prefix must be lower-case letters, digits and hyphens, at most 57 characters."
  }
}

variable "table_arn" {
  description = "ARN of the job table."
  type        = string
}

variable "index_arns" {
  description = "ARNs of the job table's indexes by name (gsi1, gsi2, gsi3)."
  type        = map(string)

  validation {
    condition     = alltrue([for name in ["gsi1", "gsi2", "gsi3"] : contains(keys(var.index_arns), name)])
    error_message = "index_arns must name gsi1, gsi2 and gsi3."
  }
}

variable "queue_arn" {
  description = "ARN of the task queue."
  type        = string
}

variable "dead_letter_queue_arn" {
  description = "ARN of the task queue's DLQ."
  type        = string
}

variable "bucket_arn" {
  description = "ARN of the data bucket."
  type        = string
}

variable "kms_key_arn" {
  description = "ARN of the project's KMS key."
  type        = string
}

variable "api_keys_secret_arn" {
  description = "ARN of the Secrets Manager secret of hashed API keys."
  type        = string
}

variable "sagemaker_endpoint_names" {
  description = "SageMaker endpoints the workers may invoke (chart values worker.model.*Endpoint)."
  type        = list(string)

  validation {
    condition     = length(var.sagemaker_endpoint_names) > 0 && alltrue([for n in var.sagemaker_endpoint_names : can(regex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", n))])
    error_message = "sagemaker_endpoint_names must be non-empty SageMaker endpoint names (no ARNs, no wildcards)."
  }
}

variable "namespace" {
  description = "Kubernetes namespace Sluice is installed in."
  type        = string
}

variable "service_accounts" {
  description = "Service account of each component (the chart's <fullname>-api, -worker, -reaper)."
  type        = map(string)

  validation {
    condition     = alltrue([for c in ["api", "worker", "reaper", "model_sim"] : contains(keys(var.service_accounts), c)])
    error_message = "service_accounts must name api, worker, reaper and model_sim."
  }
}

variable "model_sim_role" {
  description = "Also create the model simulator's role (service account service_accounts[\"model_sim\"])."
  type        = bool
  default     = false
}

variable "keda_namespace" {
  description = "Namespace of the KEDA operator."
  type        = string
  default     = "keda"
}

variable "keda_service_account" {
  description = "Service account of the KEDA operator."
  type        = string
  default     = "keda-operator"
}

variable "identity" {
  description = "How pods get their roles: irsa or pod_identity."
  type        = string
}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider (IRSA)."
  type        = string
  default     = ""
}

variable "oidc_issuer_url" {
  description = "The cluster's OIDC issuer URL (IRSA)."
  type        = string
  default     = ""
}

variable "cluster_name" {
  description = "EKS cluster name (Pod Identity)."
  type        = string
  default     = ""
}

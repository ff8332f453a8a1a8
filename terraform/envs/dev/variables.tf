variable "region" {
  description = "AWS region; Sluice's data (personal data included) stays in the EU."
  type        = string

  validation {
    condition     = can(regex("^eu-(west|central|north|south)-[0-9]$", var.region))
    error_message = "region must be an EU region (eu-west-*, eu-central-*, eu-north-*, eu-south-*)."
  }
}

variable "account_id" {
  description = "The AWS account this environment lives in; the provider refuses any other."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account ID."
  }
}

variable "project" {
  description = "Project name: first part of every resource name, and the Project tag."
  type        = string
  default     = "sluice"
}

variable "environment" {
  description = "Environment name: second part of every resource name, and the Environment tag."
  type        = string
}

variable "owner" {
  description = "Team answerable for the environment (the Owner tag)."
  type        = string

  validation {
    condition     = length(trimspace(var.owner)) > 0
    error_message = "owner must name a team."
  }
}

variable "eks_oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider (IRSA)."
  type        = string
  default     = ""
}

variable "eks_oidc_issuer_url" {
  description = "The EKS cluster's OIDC issuer URL (IRSA)."
  type        = string
  default     = ""
}

variable "eks_cluster_name" {
  description = "EKS cluster name (Pod Identity)."
  type        = string
  default     = ""
}

variable "workload_identity" {
  description = "irsa or pod_identity."
  type        = string
  default     = "irsa"
}

variable "monthly_budget_usd" {
  description = "Monthly cost budget in US dollars."
  type        = number
}

variable "alert_emails" {
  description = "Who receives budget alerts and queue alarms."
  type        = list(string)
}

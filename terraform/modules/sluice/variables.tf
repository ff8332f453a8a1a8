variable "project" {
  description = "Project name, the first part of every resource name and the Project tag."
  type        = string
  default     = "sluice"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,15}$", var.project))
    error_message = "project must be 2-16 lower-case letters and digits, starting with a letter."
  }
}

variable "environment" {
  description = "Environment name, the second part of every resource name."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "kubernetes_namespace" {
  description = "Namespace the Sluice chart is installed in; empty means <project>-<environment> (k8s/sluice-dev, k8s/sluice-prod)."
  type        = string
  default     = ""

  validation {
    condition     = var.kubernetes_namespace == "" || can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.kubernetes_namespace))
    error_message = "kubernetes_namespace must be a valid Kubernetes namespace name."
  }
}

variable "model_sim_role" {
  description = "Create a role for the in-cluster model simulator (dev clusters without SageMaker endpoints): it reads uploads."
  type        = bool
  default     = false
}

variable "service_accounts" {
  description = "Service accounts the chart creates (release \"sluice\": sluice-api, sluice-worker, sluice-reaper)."
  type        = map(string)
  default = {
    api       = "sluice-api"
    worker    = "sluice-worker"
    reaper    = "sluice-reaper"
    model_sim = "sluice-model-sim"
  }
}

variable "workload_identity" {
  description = "How pods get their IAM roles: irsa (needs the cluster's OIDC provider) or pod_identity (EKS Pod Identity agent)."
  type        = string
  default     = "irsa"

  validation {
    condition     = contains(["irsa", "pod_identity"], var.workload_identity)
    error_message = "workload_identity must be irsa or pod_identity."
  }
}

variable "eks_oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider (IRSA)."
  type        = string
  default     = ""

  validation {
    condition     = var.eks_oidc_provider_arn == "" || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/", var.eks_oidc_provider_arn))
    error_message = "eks_oidc_provider_arn must be an IAM OIDC provider ARN."
  }
}

variable "eks_oidc_issuer_url" {
  description = "The EKS cluster's OIDC issuer URL (IRSA), e.g. https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE."
  type        = string
  default     = ""

  validation {
    condition     = var.eks_oidc_issuer_url == "" || can(regex("^https://", var.eks_oidc_issuer_url))
    error_message = "eks_oidc_issuer_url must start with https://."
  }
}

variable "eks_cluster_name" {
  description = "EKS cluster name (Pod Identity)."
  type        = string
  default     = ""
}

variable "sagemaker_endpoints" {
  description = "SageMaker endpoint of each job type the workers invoke (chart values worker.model.*Endpoint)."
  type        = map(string)
  default = {
    image_generation = "sluice-image-generation"
    video_analysis   = "sluice-video-analysis"
  }
}

variable "max_receive_count" {
  description = "Attempts of one task message before it is dead-lettered."
  type        = number
  default     = 5
}

variable "queue_visibility_timeout_seconds" {
  description = "The task queue's default visibility timeout (workers set their own)."
  type        = number
  default     = 60
}

variable "queue_message_retention_seconds" {
  description = "How long a waiting task message is kept."
  type        = number
  default     = 345600
}

variable "deletion_protection" {
  description = "Protect the job table from deletion."
  type        = bool
  default     = true
}

variable "upload_retention_days" {
  description = "Days an uploaded video is kept."
  type        = number
  default     = 7
}

variable "output_retention_days" {
  description = "Days outputs and reports are kept."
  type        = number
  default     = 90
}

variable "enable_audit_trail" {
  description = "Create the CloudTrail trail; off where an organization trail already covers the account."
  type        = bool
  default     = true
}

variable "enable_guardduty" {
  description = "Create the GuardDuty detector; off where the organization manages GuardDuty for the account."
  type        = bool
  default     = true
}

variable "waf_rate_limit_per_5_minutes" {
  description = "Requests per client IP and 5 minutes before WAF blocks it."
  type        = number
  default     = 2000
}

variable "monthly_budget_usd" {
  description = "Monthly cost budget of the environment, in US dollars."
  type        = number
}

variable "alert_emails" {
  description = "Who receives budget alerts and queue alarms."
  type        = list(string)
}

variable "oldest_task_alarm_seconds" {
  description = "Age of the oldest waiting task that raises the alarm."
  type        = number
  default     = 900
}

variable "sms_monthly_spend_limit_usd" {
  description = "Monthly ceiling of the account's SMS spend (invitation texts through SNS)."
  type        = number
  default     = 1
}

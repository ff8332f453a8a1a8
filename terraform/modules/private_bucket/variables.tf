variable "name" {
  description = "Name of the bucket; globally unique."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be a valid S3 bucket name of lower-case letters, digits and hyphens."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key objects are encrypted with by default; null means SSE-S3."
  type        = string
  default     = null
}

variable "access_log_bucket" {
  description = "Bucket receiving this bucket's server access logs (under s3/<name>/); null means none."
  type        = string
  default     = null
}

variable "policy_documents" {
  description = "Further bucket policy documents (aws_iam_policy_document JSON), merged with the TLS-only statement."
  type        = list(string)
  default     = []
}

variable "lifecycle_rules" {
  description = "Expiry of current objects under a prefix (\"\" for the whole bucket), in days; null keeps them."
  type = list(object({
    id              = string
    prefix          = string
    expiration_days = number
  }))
  default = []

  validation {
    condition     = alltrue([for r in var.lifecycle_rules : r.expiration_days == null ? true : r.expiration_days >= 1])
    error_message = "expiration_days must be at least 1."
  }
}

variable "noncurrent_version_retention_days" {
  description = "Days a deleted or overwritten object version stays recoverable."
  type        = number
  default     = 7

  validation {
    condition     = var.noncurrent_version_retention_days >= 1
    error_message = "noncurrent_version_retention_days must be at least 1."
  }
}

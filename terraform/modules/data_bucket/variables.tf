variable "name" {
  description = "Name of the bucket (chart value aws.bucket); globally unique."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be a valid S3 bucket name of lower-case letters, digits and hyphens."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key every object is encrypted with."
  type        = string
}

variable "access_log_bucket" {
  description = "Bucket that receives this bucket's server access logs."
  type        = string
}

variable "upload_retention_days" {
  description = "Days an uploaded video is kept (uploads/ prefix)."
  type        = number
  default     = 7

  validation {
    condition     = var.upload_retention_days >= 1
    error_message = "upload_retention_days must be at least 1."
  }
}

variable "output_retention_days" {
  description = "Days a job's output or report is kept (outputs/ prefix); match the API's sluice.retention.jobs (90 days) so a job never points at a deleted output."
  type        = number
  default     = 90

  validation {
    condition     = var.output_retention_days >= 1
    error_message = "output_retention_days must be at least 1."
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

variable "name" {
  description = "Name of the trail, e.g. sluice-prod-audit."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,63}$", var.name))
    error_message = "name must be lower-case letters, digits and hyphens."
  }
}

variable "bucket_name" {
  description = "Name of the bucket the trail's log files go to; globally unique."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name of lower-case letters, digits and hyphens."
  }
}

variable "kms_key_arn" {
  description = "KMS key the log files and the log group are encrypted with."
  type        = string
}

variable "access_log_bucket" {
  description = "Bucket receiving the trail bucket's server access logs."
  type        = string
}

variable "data_bucket_arn" {
  description = "The data bucket whose object-level events are recorded."
  type        = string
}

variable "retention_days" {
  description = "Days log files and log events are kept (12 months by default)."
  type        = number
  default     = 365

  validation {
    condition     = contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.retention_days)
    error_message = "retention_days must be a CloudWatch Logs retention of at least a year: 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

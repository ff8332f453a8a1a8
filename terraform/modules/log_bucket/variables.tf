variable "name" {
  description = "Name of the access log bucket; globally unique."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be a valid S3 bucket name of lower-case letters, digits and hyphens."
  }
}

variable "source_bucket_arns" {
  description = "Buckets whose access logs may be delivered here."
  type        = list(string)

  validation {
    condition     = length(var.source_bucket_arns) > 0
    error_message = "source_bucket_arns must name at least one bucket."
  }
}

variable "retention_days" {
  description = "Days access logs are kept."
  type        = number
  default     = 365

  validation {
    condition     = var.retention_days >= 90
    error_message = "retention_days must be at least 90: access logs are evidence in an incident."
  }
}

variable "name" {
  description = "Name of the web ACL, e.g. sluice-prod-api."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,100}$", var.name))
    error_message = "name must be lower-case letters, digits and hyphens."
  }
}

variable "rate_limit_per_5_minutes" {
  description = "Requests one client IP may send in 5 minutes before WAF blocks it."
  type        = number
  default     = 2000

  validation {
    condition     = var.rate_limit_per_5_minutes >= 10 && var.rate_limit_per_5_minutes <= 2000000000
    error_message = "rate_limit_per_5_minutes must be between 10 and 2,000,000,000 (WAF limits)."
  }
}

variable "kms_key_arn" {
  description = "KMS key the WAF log group is encrypted with."
  type        = string
}

variable "log_retention_days" {
  description = "Days WAF logs are kept."
  type        = number
  default     = 365

  validation {
    condition     = contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch Logs retention of at least a year."
  }
}

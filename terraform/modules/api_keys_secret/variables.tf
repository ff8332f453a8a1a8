variable "name" {
  description = "Name of the secret, e.g. sluice-prod/api-keys."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9/_-]{2,511}$", var.name))
    error_message = "name must be lower-case letters, digits, /, _ and -."
  }
}

variable "kms_key_arn" {
  description = "KMS key the secret is encrypted with."
  type        = string
}

variable "recovery_window_in_days" {
  description = "Days a deleted secret can still be restored."
  type        = number
  default     = 30

  validation {
    condition     = var.recovery_window_in_days >= 7 && var.recovery_window_in_days <= 30
    error_message = "recovery_window_in_days must be between 7 and 30."
  }
}

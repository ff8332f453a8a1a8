variable "name" {
  description = "Name of the table (chart value aws.table)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,254}$", var.name))
    error_message = "name must be lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key the table is encrypted with."
  type        = string
}

variable "deletion_protection" {
  description = "Refuse DeleteTable until this is turned off; on in prod."
  type        = bool
  default     = true
}

variable "point_in_time_recovery_days" {
  description = "Days of continuous backups a restore can go back to."
  type        = number
  default     = 35

  validation {
    condition     = var.point_in_time_recovery_days >= 1 && var.point_in_time_recovery_days <= 35
    error_message = "point_in_time_recovery_days must be between 1 and 35."
  }
}

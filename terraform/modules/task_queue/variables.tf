variable "name" {
  description = "Name of the task queue; the DLQ is <name>-dlq."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,70}$", var.name))
    error_message = "name must be lower-case letters, digits and hyphens (at most 71 characters, leaving room for -dlq)."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key the messages are encrypted with."
  type        = string
}

variable "max_receive_count" {
  description = "Receives (attempts) of one message before SQS moves it to the DLQ."
  type        = number
  default     = 5

  validation {
    condition     = var.max_receive_count >= 1 && var.max_receive_count <= 1000
    error_message = "max_receive_count must be between 1 and 1000."
  }
}

variable "visibility_timeout_seconds" {
  description = "Default visibility timeout. Workers set their own (the lease TTL) on receive and extend it by heartbeat, so this only covers other consumers."
  type        = number
  default     = 60

  validation {
    condition     = var.visibility_timeout_seconds >= 0 && var.visibility_timeout_seconds <= 43200
    error_message = "visibility_timeout_seconds must be between 0 and 43200 (12 h)."
  }
}

variable "message_retention_seconds" {
  description = "How long an unprocessed task message is kept (default 4 days)."
  type        = number
  default     = 345600

  validation {
    condition     = var.message_retention_seconds >= 60 && var.message_retention_seconds <= 1209600
    error_message = "message_retention_seconds must be between 60 and 1209600 (14 days)."
  }
}

variable "dead_letter_retention_seconds" {
  description = "How long a dead-lettered message is kept for inspection and redrive (default 14 days, the maximum)."
  type        = number
  default     = 1209600

  validation {
    condition     = var.dead_letter_retention_seconds >= 60 && var.dead_letter_retention_seconds <= 1209600
    error_message = "dead_letter_retention_seconds must be between 60 and 1209600 (14 days)."
  }
}

variable "kms_data_key_reuse_period_seconds" {
  description = "How long SQS reuses a data key before calling KMS again; longer means fewer KMS requests."
  type        = number
  default     = 300

  validation {
    condition     = var.kms_data_key_reuse_period_seconds >= 60 && var.kms_data_key_reuse_period_seconds <= 86400
    error_message = "kms_data_key_reuse_period_seconds must be between 60 and 86400."
  }
}

variable "topic_name" {
  description = "Name of the SNS topic the alarms notify."
  type        = string
}

variable "queue_name" {
  description = "Name of the task queue."
  type        = string
}

variable "dead_letter_queue_name" {
  description = "Name of the DLQ."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key the alarm topic is encrypted with."
  type        = string
}

variable "alert_emails" {
  description = "E-mail subscribers of the alarm topic (each must confirm once)."
  type        = list(string)
  default     = []
}

variable "dead_letter_threshold" {
  description = "DLQ messages tolerated before the alarm fires (0: any message)."
  type        = number
  default     = 0

  validation {
    condition     = var.dead_letter_threshold >= 0
    error_message = "dead_letter_threshold must not be negative."
  }
}

variable "oldest_message_age_seconds" {
  description = "Age of the oldest waiting task that fires the alarm; keep it above the longest model run plus KEDA's scale-up time."
  type        = number
  default     = 900

  validation {
    condition     = var.oldest_message_age_seconds >= 60
    error_message = "oldest_message_age_seconds must be at least 60."
  }
}

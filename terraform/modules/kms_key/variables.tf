variable "name" {
  description = "Alias name of the key (alias/<name>), e.g. sluice-prod."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,62}$", var.name))
    error_message = "name must be lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "workload_role_arns" {
  description = "IAM roles of the Sluice workloads that use the key through SQS, DynamoDB, S3 and Secrets Manager."
  type        = list(string)

  validation {
    condition     = length(var.workload_role_arns) > 0 && alltrue([for arn in var.workload_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", arn))])
    error_message = "workload_role_arns must be a non-empty list of IAM role ARNs."
  }
}

variable "phone_number_roles" {
  description = "The role that encrypts invitation phone numbers (the API) and the one that decrypts them (the worker)."
  type = object({
    encrypt = string
    decrypt = string
  })
}

variable "cloudtrail_arn" {
  description = "ARN of the audit trail allowed to encrypt its log files with the key."
  type        = string
}

variable "log_group_arns" {
  description = "CloudWatch log groups (ARNs without the trailing :*) whose events the key encrypts."
  type        = list(string)
}

variable "administration_actions" {
  description = "What the account may do to the key itself through IAM. Listed one by one so an AWS-added action is never granted by default."
  type        = list(string)
  default = [
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:CreateGrant",
    "kms:Decrypt",
    "kms:DeleteAlias",
    "kms:DescribeKey",
    "kms:DisableKey",
    "kms:DisableKeyRotation",
    "kms:EnableKey",
    "kms:EnableKeyRotation",
    "kms:Encrypt",
    "kms:GenerateDataKey",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListAliases",
    "kms:ListGrants",
    "kms:ListKeyPolicies",
    "kms:ListResourceTags",
    "kms:PutKeyPolicy",
    "kms:RetireGrant",
    "kms:RevokeGrant",
    "kms:RotateKeyOnDemand",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateAlias",
    "kms:UpdateKeyDescription",
  ]

  validation {
    condition     = alltrue([for a in var.administration_actions : can(regex("^kms:[A-Za-z]+$", a))])
    error_message = "administration_actions must be explicit kms: actions without wildcards."
  }
}

variable "rotation_period_in_days" {
  description = "Days between automatic rotations of the key material."
  type        = number
  default     = 365

  validation {
    condition     = var.rotation_period_in_days >= 90 && var.rotation_period_in_days <= 2560
    error_message = "rotation_period_in_days must be between 90 and 2560 (AWS limits)."
  }
}

variable "deletion_window_in_days" {
  description = "Waiting period before a scheduled deletion of the key takes effect."
  type        = number
  default     = 30

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30
    error_message = "deletion_window_in_days must be between 7 and 30."
  }
}

variable "region" {
  description = "Region of the state bucket; an EU region like every Sluice resource."
  type        = string

  validation {
    condition     = can(regex("^eu-(west|central|north|south)-[0-9]$", var.region))
    error_message = "region must be an EU region (eu-west-*, eu-central-*, eu-north-*, eu-south-*)."
  }
}

variable "account_id" {
  description = "The account the state bucket belongs to (also part of its name)."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account ID."
  }
}

variable "project" {
  description = "Project name: the bucket is <project>-tfstate-<account_id>."
  type        = string
  default     = "sluice"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,15}$", var.project))
    error_message = "project must be 2-16 lower-case letters and digits, starting with a letter."
  }
}

variable "owner" {
  description = "Team answerable for the state (the Owner tag)."
  type        = string
}

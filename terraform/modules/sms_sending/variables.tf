variable "monthly_spend_limit_usd" {
  description = "Most the account may spend on SMS per month, in whole US dollars (above 1 needs an AWS support request)."
  type        = number

  validation {
    condition     = var.monthly_spend_limit_usd >= 1 && floor(var.monthly_spend_limit_usd) == var.monthly_spend_limit_usd
    error_message = "monthly_spend_limit_usd must be a whole number of dollars, at least 1."
  }
}

variable "sender_id" {
  description = "Alphanumeric sender ID where the destination country supports one; null for none."
  type        = string
  default     = null

  validation {
    condition     = var.sender_id == null ? true : can(regex("^[A-Za-z0-9]{1,11}$", var.sender_id))
    error_message = "sender_id must be 1-11 letters and digits."
  }
}

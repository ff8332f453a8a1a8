variable "name" {
  description = "Name of the budget, e.g. sluice-prod-monthly."
  type        = string
}

variable "project_tag" {
  description = "Value of the Project tag whose costs the budget counts."
  type        = string
}

variable "monthly_limit_usd" {
  description = "Monthly budget in US dollars."
  type        = number

  validation {
    condition     = var.monthly_limit_usd > 0
    error_message = "monthly_limit_usd must be positive."
  }
}

variable "alert_emails" {
  description = "Who is told when spend nears or is forecast to pass the budget."
  type        = list(string)

  validation {
    condition     = length(var.alert_emails) > 0 && alltrue([for e in var.alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alert_emails must be a non-empty list of e-mail addresses."
  }
}

output "monthly_spend_limit_usd" {
  description = "The SMS spend ceiling in force."
  value       = aws_sns_sms_preferences.this.monthly_spend_limit
}

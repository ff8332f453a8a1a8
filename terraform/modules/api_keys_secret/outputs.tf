output "secret_arn" {
  description = "ARN of the secret (chart value api.keys.secretId)."
  value       = aws_secretsmanager_secret.api_keys.arn
}

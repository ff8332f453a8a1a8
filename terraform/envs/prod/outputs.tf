output "helm_values" {
  description = "Values for charts/sluice: tofu output -json helm_values > sluice-values.json, then helm -f sluice-values.json."
  value       = module.sluice.helm_values
}

output "keda_role_arn" {
  description = "Role for the KEDA operator's service account."
  value       = module.sluice.keda_role_arn
}

output "alarm_topic_arn" {
  description = "SNS topic of the queue alarms."
  value       = module.sluice.alarm_topic_arn
}

output "kms_key_arn" {
  description = "The project's KMS key."
  value       = module.sluice.kms_key_arn
}

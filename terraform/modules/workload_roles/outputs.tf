output "role_arns" {
  description = "Role ARN of each component: api, worker, reaper, keda, and model_sim when created."
  value       = { for component, role in module.role : component => role.role_arn }
}

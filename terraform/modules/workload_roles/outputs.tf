output "role_arns" {
  description = "Role ARN of each component: api, worker, reaper, keda, and model_sim when created."
  value = merge({
    api    = module.api.role_arn
    worker = module.worker.role_arn
    reaper = module.reaper.role_arn
    keda   = module.keda.role_arn
  }, { for role in module.model_sim : "model_sim" => role.role_arn })
}

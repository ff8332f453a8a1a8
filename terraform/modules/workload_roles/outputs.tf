output "role_arns" {
  description = "Role ARN of each component: api, worker, reaper, keda."
  value = {
    api    = module.api.role_arn
    worker = module.worker.role_arn
    reaper = module.reaper.role_arn
    keda   = module.keda.role_arn
  }
}

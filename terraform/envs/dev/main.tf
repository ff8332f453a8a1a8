# dev: cheap to run and easy to tear down; the same shape as prod.
module "sluice" {
  source = "../../modules/sluice"

  project               = var.project
  environment           = var.environment
  workload_identity     = var.workload_identity
  eks_oidc_provider_arn = var.eks_oidc_provider_arn
  eks_oidc_issuer_url   = var.eks_oidc_issuer_url
  eks_cluster_name      = var.eks_cluster_name
  monthly_budget_usd    = var.monthly_budget_usd
  alert_emails          = var.alert_emails

  # Tables come and go with experiments.
  deletion_protection = false
  # Test uploads and outputs need not outlive a sprint.
  output_retention_days = 14
  # Fewer attempts surface poison messages sooner.
  max_receive_count = 3
  # A dev account usually sits under the organization's trail and GuardDuty.
  enable_audit_trail        = false
  enable_guardduty          = false
  oldest_task_alarm_seconds = 1800
  # dev runs the model simulator instead of SageMaker endpoints.
  model_sim_role = true
  # Invitation SMS through SNS, whole dollars per month.
  sms_monthly_spend_limit_usd = 1
}

# prod: protected table, full retention, its own trail and GuardDuty.
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

  deletion_protection          = true
  output_retention_days        = 90
  max_receive_count            = 5
  enable_audit_trail           = true
  enable_guardduty             = true
  waf_rate_limit_per_5_minutes = 2000
  oldest_task_alarm_seconds    = 900
  # Invitation SMS through SNS, whole dollars per month.
  sms_monthly_spend_limit_usd = 200
}

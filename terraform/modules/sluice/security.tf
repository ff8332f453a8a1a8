# Turn it off where an organization trail already records this account.
module "audit_trail" {
  source = "../audit_trail"
  count  = var.enable_audit_trail ? 1 : 0

  name              = local.trail_name
  bucket_name       = local.trail_bucket_name
  kms_key_arn       = module.key.key_arn
  access_log_bucket = module.access_logs.bucket_name
  data_bucket_arn   = module.data.bucket_arn
}

# One detector per account and region: turn it off here where the organization already runs
# GuardDuty for this account (a second detector cannot be created).
module "threat_detection" {
  source = "../threat_detection"
  count  = var.enable_guardduty ? 1 : 0
}

module "api_waf" {
  source = "../api_waf"

  name                     = local.waf_name
  kms_key_arn              = module.key.key_arn
  rate_limit_per_5_minutes = var.waf_rate_limit_per_5_minutes
}

module "budget" {
  source = "../budget"

  name              = "${local.prefix}-monthly"
  project_tag       = var.project
  monthly_limit_usd = var.monthly_budget_usd
  alert_emails      = var.alert_emails
}

module "alarms" {
  source = "../queue_alarms"

  topic_name                 = "${local.prefix}-alarms"
  queue_name                 = module.queue.queue_name
  dead_letter_queue_name     = module.queue.dead_letter_queue_name
  kms_key_arn                = module.key.key_arn
  alert_emails               = var.alert_emails
  oldest_message_age_seconds = var.oldest_task_alarm_seconds
}

module "sms" {
  source = "../sms_sending"

  monthly_spend_limit_usd = var.sms_monthly_spend_limit_usd
}

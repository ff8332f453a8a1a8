# Everything Sluice needs in one AWS account and region, for one environment. envs/dev and
# envs/prod call this with their own settings; every name is <project>-<environment>-<purpose>.
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  prefix     = "${var.project}-${var.environment}"
  namespace  = var.kubernetes_namespace == "" ? local.prefix : var.kubernetes_namespace
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  # Bucket names are global: the account ID keeps them unique without a random suffix.
  data_bucket_name  = "${local.prefix}-data-${local.account_id}"
  log_bucket_name   = "${local.prefix}-access-logs-${local.account_id}"
  trail_bucket_name = "${local.prefix}-audit-${local.account_id}"
  trail_name        = "${local.prefix}-audit"
  waf_name          = "${local.prefix}-api"
  trail_arn         = "arn:${local.partition}:cloudtrail:${local.region}:${local.account_id}:trail/${local.trail_name}"
  trail_log_group   = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws/cloudtrail/${local.trail_name}"
  waf_log_group     = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:aws-waf-logs-${local.waf_name}"
  data_bucket_arn   = "arn:${local.partition}:s3:::${local.data_bucket_name}"
  trail_bucket_arn  = "arn:${local.partition}:s3:::${local.trail_bucket_name}"
}

module "key" {
  source = "../kms_key"

  name               = local.prefix
  workload_role_arns = [for c in ["api", "worker", "reaper", "model_sim"] : module.workloads.role_arns[c] if contains(keys(module.workloads.role_arns), c)]
  phone_number_roles = { encrypt = module.workloads.role_arns["api"], decrypt = module.workloads.role_arns["worker"] }
  cloudtrail_arn     = local.trail_arn
  log_group_arns     = [local.trail_log_group, local.waf_log_group]
}

module "queue" {
  source = "../task_queue"

  name                       = "${local.prefix}-tasks"
  kms_key_arn                = module.key.key_arn
  max_receive_count          = var.max_receive_count
  visibility_timeout_seconds = var.queue_visibility_timeout_seconds
  message_retention_seconds  = var.queue_message_retention_seconds
}

module "table" {
  source = "../job_table"

  name                = "${local.prefix}-jobs"
  kms_key_arn         = module.key.key_arn
  deletion_protection = var.deletion_protection
}

module "access_logs" {
  source = "../log_bucket"

  name               = local.log_bucket_name
  source_bucket_arns = [local.data_bucket_arn, local.trail_bucket_arn]
}

module "data" {
  source = "../data_bucket"

  name                  = local.data_bucket_name
  kms_key_arn           = module.key.key_arn
  access_log_bucket     = module.access_logs.bucket_name
  upload_retention_days = var.upload_retention_days
  output_retention_days = var.output_retention_days
}

module "api_keys" {
  source = "../api_keys_secret"

  name        = "${local.prefix}/api-keys"
  kms_key_arn = module.key.key_arn
}

module "workloads" {
  source = "../workload_roles"

  name_prefix              = local.prefix
  table_arn                = module.table.table_arn
  index_arns               = module.table.index_arns
  queue_arn                = module.queue.queue_arn
  dead_letter_queue_arn    = module.queue.dead_letter_queue_arn
  bucket_arn               = module.data.bucket_arn
  kms_key_arn              = module.key.key_arn
  api_keys_secret_arn      = module.api_keys.secret_arn
  sagemaker_endpoint_names = values(var.sagemaker_endpoints)
  namespace                = local.namespace
  model_sim_role           = var.model_sim_role
  service_accounts         = var.service_accounts
  identity                 = var.workload_identity
  oidc_provider_arn        = var.eks_oidc_provider_arn
  oidc_issuer_url          = var.eks_oidc_issuer_url
  cluster_name             = var.eks_cluster_name
}

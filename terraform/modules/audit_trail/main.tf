# A multi-region CloudTrail trail of the account's management events and of object-level events
# on the data bucket, delivered to its own encrypted bucket (kept 12 months) and to CloudWatch
# Logs for alarms.
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  trail_arn  = "arn:${data.aws_partition.current.partition}:cloudtrail:${data.aws_region.current.region}:${local.account_id}:trail/${var.name}"
  bucket_arn = "arn:${data.aws_partition.current.partition}:s3:::${var.bucket_name}"
}

resource "aws_cloudtrail" "this" {
  #checkov:skip=CKV_AWS_252:Per-log-file delivery notices have no consumer; alarms read the CloudWatch Logs copy instead.
  name                          = var.name
  s3_bucket_name                = module.bucket.name
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = var.kms_key_arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.cloudwatch_delivery.arn

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    # Who read or wrote which upload or output: personal data, so access is evidence.
    data_resource {
      type   = "AWS::S3::Object"
      values = ["${var.data_bucket_arn}/"]
    }
  }

  # The bucket policy must let CloudTrail write before the trail is created.
  depends_on = [module.bucket]
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/${var.name}"
  retention_in_days = var.retention_days
  kms_key_id        = var.kms_key_arn
}

# The trail's log files, kept twelve months.
module "bucket" {
  source = "../private_bucket"

  name                              = var.bucket_name
  kms_key_arn                       = var.kms_key_arn
  access_log_bucket                 = var.access_log_bucket
  policy_documents                  = [data.aws_iam_policy_document.trail_delivery.json]
  noncurrent_version_retention_days = 30
  lifecycle_rules = [
    { id = "retain-12-months", prefix = "", expiration_days = var.retention_days },
  ]
}

data "aws_iam_policy_document" "trail_delivery" {
  statement {
    sid       = "CloudTrailChecksBucketAcl"
    actions   = ["s3:GetBucketAcl"]
    resources = [local.bucket_arn]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [local.trail_arn]
    }
  }

  statement {
    sid       = "CloudTrailWritesLogFiles"
    actions   = ["s3:PutObject"]
    resources = ["${local.bucket_arn}/AWSLogs/${local.account_id}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [local.trail_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-acl"
      values   = ["bucket-owner-full-control"]
    }
  }
}

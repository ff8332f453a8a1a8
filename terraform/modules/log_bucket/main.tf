# Receives the server access logs of Sluice's buckets. S3 log delivery cannot write with a
# customer managed key, so this bucket uses SSE-S3 and holds no job data itself; and it does not
# log its own access, which would never end.
module "bucket" {
  source = "../private_bucket"

  name             = var.name
  policy_documents = [data.aws_iam_policy_document.log_delivery.json]
  lifecycle_rules = [
    { id = "expire-access-logs", prefix = "", expiration_days = var.retention_days },
  ]
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

# S3's log delivery writes only under s3/, and only for the account's own source buckets.
data "aws_iam_policy_document" "log_delivery" {
  statement {
    sid       = "S3ServerAccessLogDelivery"
    actions   = ["s3:PutObject"]
    resources = ["arn:${data.aws_partition.current.partition}:s3:::${var.name}/s3/*"]
    principals {
      type        = "Service"
      identifiers = ["logging.s3.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = var.source_bucket_arns
    }
  }
}

locals {
  # Built from the name so the policy document does not wait for the bucket.
  objects = "arn:${data.aws_partition.current.partition}:s3:::${var.name}/*"
}

data "aws_partition" "current" {}

# Every object is encrypted with the project key: a PUT that asks for anything else is refused,
# and one that asks for nothing gets the bucket default. IfExists, because the worker's writes
# rely on that default.
data "aws_iam_policy_document" "encryption" {
  statement {
    sid       = "DenyOtherEncryption"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = [local.objects]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEqualsIfExists"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["aws:kms"]
    }
  }

  statement {
    sid       = "DenyOtherKmsKeys"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = [local.objects]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEqualsIfExists"
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
      values   = [var.kms_key_arn]
    }
  }
}

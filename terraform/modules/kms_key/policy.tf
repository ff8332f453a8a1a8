data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_root = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
  region       = data.aws_region.current.region
  # The services that use the key on the workloads' behalf; direct use of the key is not granted.
  workload_services = [for s in ["sqs", "dynamodb", "s3", "secretsmanager"] : "${s}.${local.region}.amazonaws.com"]
}

# A key policy's Resource is always "*": it means this key and nothing else.
data "aws_iam_policy_document" "key_policy" {
  # The account administers the key and may delegate its use through IAM policies; without this
  # statement the key could become unmanageable. Actions are listed so nothing new is implied.
  statement {
    sid       = "AccountAdministersKey"
    actions   = var.administration_actions
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [local.account_root]
    }
  }

  statement {
    sid       = "WorkloadsUseKeyThroughSluiceServices"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = var.workload_role_arns
    }
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = local.workload_services
    }
  }

  # Invitation phone numbers: encrypted by the API, decrypted by the worker, always with the
  # invitation ID as encryption context (no service in between).
  dynamic "statement" {
    for_each = { Encrypt = var.phone_number_roles.encrypt, Decrypt = var.phone_number_roles.decrypt }
    content {
      sid       = "Workloads${statement.key}PhoneNumbers"
      actions   = ["kms:${statement.key}"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = [statement.value]
      }
      condition {
        test     = "ForAllValues:StringEquals"
        variable = "kms:EncryptionContextKeys"
        values   = ["invitationId"]
      }
      condition {
        test     = "Null"
        variable = "kms:EncryptionContextKeys"
        values   = ["false"]
      }
    }
  }

  statement {
    sid       = "CloudTrailEncryptsLogs"
    actions   = ["kms:GenerateDataKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [var.cloudtrail_arn]
    }
    condition {
      test     = "StringLike"
      variable = "kms:EncryptionContext:aws:cloudtrail:arn"
      values   = ["arn:${data.aws_partition.current.partition}:cloudtrail:*:${data.aws_caller_identity.current.account_id}:trail/*"]
    }
  }

  statement {
    sid       = "CloudTrailDescribesKey"
    actions   = ["kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [var.cloudtrail_arn]
    }
  }

  statement {
    sid       = "LogGroupsEncryptEvents"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${local.region}.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = var.log_group_arns
    }
  }

  # CloudWatch alarms publish to the encrypted alarm topic.
  statement {
    sid       = "AlarmsPublishToEncryptedTopic"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

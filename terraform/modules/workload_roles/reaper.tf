# The reaper CronJob: recovers leases, settles and redrives dead-lettered tasks, deletes orphaned
# objects, and (run by an operator) manages API keys in the table and the secret.
data "aws_iam_policy_document" "reaper" {
  statement {
    sid       = "JobTable"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"]
    resources = [var.table_arn]
  }

  # gsi1: an owner's API keys; gsi2: expired leases and stuck tasks.
  statement {
    sid       = "JobTableIndexes"
    actions   = ["dynamodb:Query"]
    resources = [var.index_arns["gsi1"], var.index_arns["gsi2"]]
  }

  statement {
    sid       = "SettleDeadLetters"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
    resources = [var.dead_letter_queue_arn]
  }

  # Re-enqueues stuck and redriven tasks.
  statement {
    sid       = "EnqueueTasks"
    actions   = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
    resources = [var.queue_arn]
  }

  statement {
    sid       = "ListObjects"
    actions   = ["s3:ListBucket"]
    resources = [var.bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["uploads/*", "outputs/*"]
    }
  }

  statement {
    sid       = "DeleteOrphanedObjects"
    actions   = ["s3:DeleteObject"]
    resources = [local.uploads, local.outputs]
  }

  # keys create|rotate|revoke --secret: a compare-and-swap on the secret's AWSCURRENT version.
  statement {
    sid       = "ApiKeySecret"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"]
    resources = [var.api_keys_secret_arn]
  }

  statement {
    sid       = "ProjectKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = [for s in ["sqs", "dynamodb", "secretsmanager"] : "${s}.${local.region}.amazonaws.com"]
    }
  }
}

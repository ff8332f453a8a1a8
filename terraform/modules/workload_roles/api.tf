# The API: writes jobs and tasks, reads them back, enqueues tasks, presigns uploads and output
# downloads, reads the API key secret. It never deletes items or objects and never receives.
data "aws_iam_policy_document" "api" {
  statement {
    sid       = "JobTable"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query", "dynamodb:DescribeTable"]
    resources = [var.table_arn]
  }

  # gsi1: an owner's jobs; gsi2: the monitor's oldest waiting task; gsi3: the active-jobs limit.
  statement {
    sid       = "JobTableIndexes"
    actions   = ["dynamodb:Query"]
    resources = [var.index_arns["gsi1"], var.index_arns["gsi2"], var.index_arns["gsi3"]]
  }

  statement {
    sid       = "EnqueueTasks"
    actions   = ["sqs:SendMessage"]
    resources = [var.queue_arn]
  }

  # Readiness and the queue-depth gauges; the DLQ is found through the queue's redrive policy.
  statement {
    sid       = "ReadQueueAttributes"
    actions   = ["sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
    resources = [var.queue_arn, var.dead_letter_queue_arn]
  }

  # Presigned PUTs are signed by this role, with the owner and PII tags.
  statement {
    sid       = "PresignUploads"
    actions   = ["s3:PutObject", "s3:PutObjectTagging"]
    resources = [local.uploads]
  }

  # HeadObject on an upload before a job may use it; presigned GETs of outputs.
  statement {
    sid       = "ReadUploadsAndOutputs"
    actions   = ["s3:GetObject"]
    resources = [local.uploads, local.outputs]
  }

  # HeadBucket (readiness) needs ListBucket.
  statement {
    sid       = "BucketReadiness"
    actions   = ["s3:ListBucket"]
    resources = [var.bucket_arn]
  }

  statement {
    sid       = "ApiKeySecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.api_keys_secret_arn]
  }

  # The friend's number of an invitation is encrypted before it is stored (context: invitationId);
  # the API never decrypts it.
  statement {
    sid       = "EncryptPhoneNumbers"
    actions   = ["kms:Encrypt"]
    resources = [var.kms_key_arn]
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

  statement {
    sid       = "ProjectKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = [for s in ["sqs", "dynamodb", "s3", "secretsmanager"] : "${s}.${local.region}.amazonaws.com"]
    }
  }
}

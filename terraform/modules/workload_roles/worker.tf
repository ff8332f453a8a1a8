# The workers: receive tasks, hold leases, invoke the model endpoints, write outputs, and run
# the erasure job (which deletes an owner's items and every version of their objects).
data "aws_iam_policy_document" "worker" {
  statement {
    sid       = "TakeTasks"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
    resources = [var.queue_arn]
  }

  # DeleteItem only for the erasure job.
  statement {
    sid       = "Leases"
    actions   = ["dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:Query", "dynamodb:DeleteItem"]
    resources = [var.table_arn]
  }

  # The erasure job finds the owner's jobs through gsi1.
  statement {
    sid       = "OwnerJobsIndex"
    actions   = ["dynamodb:Query"]
    resources = [var.index_arns["gsi1"]]
  }

  statement {
    sid       = "InvokeModels"
    actions   = ["sagemaker:InvokeEndpoint"]
    resources = local.endpoint_arns
  }

  # Outputs are written once under an idempotent key; HeadObject reads an existing one back.
  statement {
    sid       = "WriteOutputs"
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = [local.outputs]
  }

  statement {
    sid       = "EraseOwnerObjects"
    actions   = ["s3:DeleteObject", "s3:DeleteObjectVersion"]
    resources = [local.uploads, local.outputs]
  }

  statement {
    sid       = "ListOwnerObjectVersions"
    actions   = ["s3:ListBucketVersions"]
    resources = [var.bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["uploads/*", "outputs/*"]
    }
  }

  # Invitation SMS through SNS. Publishing to a phone number has no resource ARN, so the Allow
  # must name "*"; the Deny below keeps it from reaching any topic.
  statement {
    sid       = "SendInvitationSms"
    actions   = ["sns:Publish"]
    resources = ["*"]
  }

  statement {
    sid       = "NoTopicPublishing"
    effect    = "Deny"
    actions   = ["sns:Publish"]
    resources = ["arn:${local.partition}:sns:*:*:*"]
  }

  # Invitations store the friend's number encrypted with the key and the invitation ID as
  # encryption context; only the worker, which sends the SMS, decrypts it.
  statement {
    sid       = "DecryptPhoneNumbers"
    actions   = ["kms:Decrypt"]
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
      values   = [for s in ["sqs", "dynamodb", "s3"] : "${s}.${local.region}.amazonaws.com"]
    }
  }
}

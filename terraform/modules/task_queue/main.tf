# The task queue and its dead-letter queue. A message is received at most max_receive_count
# times (each receive is one attempt of the worker's lease protocol) before SQS moves it to the
# DLQ, where the reaper settles its task.
resource "aws_sqs_queue" "dead_letter" {
  name                              = "${var.name}-dlq"
  message_retention_seconds         = var.dead_letter_retention_seconds
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = var.kms_data_key_reuse_period_seconds
}

resource "aws_sqs_queue" "tasks" {
  name                              = var.name
  visibility_timeout_seconds        = var.visibility_timeout_seconds
  message_retention_seconds         = var.message_retention_seconds
  receive_wait_time_seconds         = 20
  kms_master_key_id                 = var.kms_key_arn
  kms_data_key_reuse_period_seconds = var.kms_data_key_reuse_period_seconds

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter.arn
    maxReceiveCount     = var.max_receive_count
  })
}

# Only the task queue may dead-letter into the DLQ.
resource "aws_sqs_queue_redrive_allow_policy" "dead_letter" {
  queue_url = aws_sqs_queue.dead_letter.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.tasks.arn]
  })
}

resource "aws_sqs_queue_policy" "tasks" {
  queue_url = aws_sqs_queue.tasks.id
  policy    = data.aws_iam_policy_document.tls_only["tasks"].json
}

resource "aws_sqs_queue_policy" "dead_letter" {
  queue_url = aws_sqs_queue.dead_letter.id
  policy    = data.aws_iam_policy_document.tls_only["dead_letter"].json
}

data "aws_iam_policy_document" "tls_only" {
  for_each = {
    tasks       = aws_sqs_queue.tasks.arn
    dead_letter = aws_sqs_queue.dead_letter.arn
  }

  statement {
    sid    = "DenyInsecureTransport"
    effect = "Deny"
    # A deny is the one place a wildcard is safe: it leaves no action out.
    actions   = ["sqs:*"]
    resources = [each.value]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

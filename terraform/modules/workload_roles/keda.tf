# The KEDA operator scales the workers on the task queue's depth: it reads queue attributes and
# nothing else (chart value worker.keda.auth.identityOwner=keda).
data "aws_iam_policy_document" "keda" {
  statement {
    sid       = "ReadQueueDepth"
    actions   = ["sqs:GetQueueAttributes"]
    resources = [var.queue_arn]
  }
}

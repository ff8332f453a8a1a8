# Lets CloudTrail write events into its log group, and nowhere else.
resource "aws_iam_role" "cloudwatch_delivery" {
  name               = "${var.name}-cloudwatch"
  assume_role_policy = data.aws_iam_policy_document.cloudtrail_trust.json
}

resource "aws_iam_role_policy" "cloudwatch_delivery" {
  name   = "${var.name}-cloudwatch-delivery"
  role   = aws_iam_role.cloudwatch_delivery.id
  policy = data.aws_iam_policy_document.cloudwatch_delivery.json
}

data "aws_iam_policy_document" "cloudtrail_trust" {
  statement {
    actions = ["sts:AssumeRole"]
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
}

data "aws_iam_policy_document" "cloudwatch_delivery" {
  # Stream names are chosen by CloudTrail (account and region), so only the group is fixed.
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.trail.arn}:log-stream:*"]
  }
}

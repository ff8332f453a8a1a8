# The one customer managed key Sluice's data is encrypted with: queue, table, bucket, secret,
# audit trail and log groups. One key keeps the key policy the single place that says who may
# decrypt Sluice's data.
resource "aws_kms_key" "this" {
  description             = "Sluice ${var.name}: queues, job table, data bucket, API key secret, audit logs"
  enable_key_rotation     = true
  rotation_period_in_days = var.rotation_period_in_days
  deletion_window_in_days = var.deletion_window_in_days
  policy                  = data.aws_iam_policy_document.key_policy.json
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.this.key_id
}

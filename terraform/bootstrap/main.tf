# Run once per account, with local state, before envs/*: the bucket that holds every
# environment's Terraform state. Versioned (a bad apply's state can be restored), encrypted,
# TLS-only, never public; S3's own lock files (use_lockfile) lock it.
module "state_bucket" {
  source = "../modules/private_bucket"

  # The bucket is never empty once used, and a non-empty bucket is not deleted (no force_destroy).
  name        = "${var.project}-tfstate-${var.account_id}"
  kms_key_arn = aws_kms_key.state.arn
  # Old state versions are kept 90 days, enough to roll back a bad apply.
  noncurrent_version_retention_days = 90
}

resource "aws_kms_key" "state" {
  description             = "Terraform state of ${var.project}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.state_key.json
}

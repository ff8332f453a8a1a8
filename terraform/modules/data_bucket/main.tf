# The bucket of uploads (videos the clients PUT through presigned URLs), outputs and reports.
# Object keys start with uploads/{ownerId}/ or outputs/{ownerId}/ (core's ObjectKeys).
resource "aws_s3_bucket" "data" {
  #checkov:skip=CKV_AWS_144:Data stays in one EU region by design; versioning and lifecycle cover recovery, a replica would copy personal data.
  #checkov:skip=CKV2_AWS_62:Nothing consumes object events; object-level access is recorded by the CloudTrail data events.
  bucket        = var.name
  force_destroy = false
}

resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Versioning lets the worker's conditional writes and an operator's mistakes be undone; the
# lifecycle below bounds what the old versions cost.
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    # One KMS call per bucket key period instead of one per object.
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = var.access_log_bucket
  target_prefix = "s3/${var.name}/"
}

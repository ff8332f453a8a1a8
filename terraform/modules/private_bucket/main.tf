# A bucket hardened the same way wherever Sluice needs one: never public, owner-enforced,
# versioned, encrypted by default, reachable only over TLS, with a lifecycle. Callers add their
# own policy statements, encryption key, access logging and lifecycle rules.
resource "aws_s3_bucket" "this" {
  #checkov:skip=CKV_AWS_144:Sluice keeps its data in one EU region; versioning and lifecycle cover recovery, a replica would copy personal data.
  #checkov:skip=CKV2_AWS_62:Nothing in Sluice consumes object events; access to the data bucket is audited by CloudTrail data events instead.
  bucket        = var.name
  force_destroy = false
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

# SSE-KMS with the caller's key, or SSE-S3 where a service cannot write with a customer managed
# key (S3 server access log delivery).
resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    # One KMS call per bucket key period instead of one per object.
    bucket_key_enabled = var.kms_key_arn != null
  }
}

resource "aws_s3_bucket_logging" "this" {
  count         = var.access_log_bucket == null ? 0 : 1
  bucket        = aws_s3_bucket.this.id
  target_bucket = var.access_log_bucket
  target_prefix = "s3/${var.name}/"
}

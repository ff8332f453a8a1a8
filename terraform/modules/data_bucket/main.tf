# The bucket of uploads (videos the clients PUT through presigned URLs), outputs and reports.
# Object keys start with uploads/{ownerId}/ or outputs/{ownerId}/ (core's ObjectKeys). Deleted
# and overwritten objects stay recoverable for a week; the erasure job deletes every version
# outright, so erased data does not wait for that.
module "bucket" {
  source = "../private_bucket"

  name              = var.name
  kms_key_arn       = var.kms_key_arn
  access_log_bucket = var.access_log_bucket
  policy_documents  = [data.aws_iam_policy_document.encryption.json]

  noncurrent_version_retention_days = var.noncurrent_version_retention_days
  lifecycle_rules = [
    # Uploaded videos are only needed until their job ran.
    { id = "expire-uploads", prefix = "uploads/", expiration_days = var.upload_retention_days },
    { id = "expire-outputs", prefix = "outputs/", expiration_days = var.output_retention_days },
  ]
}

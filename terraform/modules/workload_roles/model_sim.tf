# The model simulator (dev clusters without SageMaker endpoints) reads the uploaded videos the
# way a real model would, and nothing else.
data "aws_iam_policy_document" "model_sim" {
  statement {
    sid       = "ReadUploads"
    actions   = ["s3:GetObject"]
    resources = [local.uploads]
  }

  statement {
    sid       = "ProjectKey"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }
}

data "aws_partition" "current" {}

# The account administers and uses the key through IAM; nobody else can.
data "aws_iam_policy_document" "state_key" {
  #checkov:skip=CKV_AWS_109:This is a KMS key policy: its Resource "*" means this one key, and the account root must keep administering it.
  #checkov:skip=CKV_AWS_111:This is a KMS key policy: its Resource "*" means this one key.
  #checkov:skip=CKV_AWS_356:This is a KMS key policy: its Resource "*" means this one key.
  statement {
    sid = "AccountAdministersKey"
    actions = [
      "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:CreateGrant", "kms:Decrypt", "kms:DeleteAlias",
      "kms:DescribeKey", "kms:DisableKey", "kms:EnableKey", "kms:EnableKeyRotation", "kms:Encrypt",
      "kms:GenerateDataKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListAliases",
      "kms:ListGrants", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:RevokeGrant",
      "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateKeyDescription",
    ]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${var.account_id}:root"]
    }
  }
}

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

module "model_sim" {
  source = "../workload_role"
  count  = var.model_sim_role ? 1 : 0

  name              = "${var.name_prefix}-model-sim"
  component         = "model-sim"
  policy_json       = data.aws_iam_policy_document.model_sim.json
  namespace         = var.namespace
  service_account   = var.service_accounts["model_sim"]
  identity          = local.identity.identity
  account_id        = local.identity.account_id
  oidc_provider_arn = local.identity.oidc_provider_arn
  oidc_issuer_url   = local.identity.oidc_issuer_url
  cluster_name      = local.identity.cluster_name
}

# The KEDA operator scales the workers on the task queue's depth: it reads queue attributes and
# nothing else (chart value worker.keda.auth.identityOwner=keda).
data "aws_iam_policy_document" "keda" {
  statement {
    sid       = "ReadQueueDepth"
    actions   = ["sqs:GetQueueAttributes"]
    resources = [var.queue_arn]
  }
}

module "keda" {
  source = "../workload_role"

  name              = "${var.name_prefix}-keda"
  component         = "keda"
  policy_json       = data.aws_iam_policy_document.keda.json
  namespace         = var.keda_namespace
  service_account   = var.keda_service_account
  identity          = local.identity.identity
  account_id        = local.identity.account_id
  oidc_provider_arn = local.identity.oidc_provider_arn
  oidc_issuer_url   = local.identity.oidc_issuer_url
  cluster_name      = local.identity.cluster_name
}

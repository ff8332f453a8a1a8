# One role per component, each with the policy document of its own file (api.tf, worker.tf, ...).
locals {
  all_roles = {
    api       = { policy = data.aws_iam_policy_document.api.json, namespace = var.namespace, service_account = var.service_accounts["api"] }
    worker    = { policy = data.aws_iam_policy_document.worker.json, namespace = var.namespace, service_account = var.service_accounts["worker"] }
    reaper    = { policy = data.aws_iam_policy_document.reaper.json, namespace = var.namespace, service_account = var.service_accounts["reaper"] }
    keda      = { policy = data.aws_iam_policy_document.keda.json, namespace = var.keda_namespace, service_account = var.keda_service_account }
    model_sim = { policy = data.aws_iam_policy_document.model_sim.json, namespace = var.namespace, service_account = var.service_accounts["model_sim"] }
  }
  roles = { for component, role in local.all_roles : component => role if component != "model_sim" || var.model_sim_role }
}

module "role" {
  source   = "../workload_role"
  for_each = local.roles

  name              = "${var.name_prefix}-${replace(each.key, "_", "-")}"
  component         = each.key
  policy_json       = each.value.policy
  namespace         = each.value.namespace
  service_account   = each.value.service_account
  identity          = var.identity
  account_id        = local.account_id
  oidc_provider_arn = var.oidc_provider_arn
  oidc_issuer_url   = var.oidc_issuer_url
  cluster_name      = var.cluster_name
}

# One IAM role for one Kubernetes service account, assumed through IRSA (the cluster's OIDC
# provider) or EKS Pod Identity. It carries exactly one inline policy, written by the caller.
locals {
  oidc_issuer = replace(var.oidc_issuer_url, "https://", "")
  irsa        = var.identity == "irsa"
}

resource "aws_iam_role" "this" {
  name                 = var.name
  description          = "Sluice ${var.component}: ${var.namespace}/${var.service_account}"
  assume_role_policy   = local.irsa ? data.aws_iam_policy_document.trust_irsa.json : data.aws_iam_policy_document.trust_pod_identity.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy" "this" {
  name   = "${var.name}-access"
  role   = aws_iam_role.this.id
  policy = var.policy_json
}

resource "aws_eks_pod_identity_association" "this" {
  count           = local.irsa ? 0 : 1
  cluster_name    = var.cluster_name
  namespace       = var.namespace
  service_account = var.service_account
  role_arn        = aws_iam_role.this.arn
}

data "aws_iam_policy_document" "trust_irsa" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.namespace}:${var.service_account}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "trust_pod_identity" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [var.account_id]
    }
  }
}

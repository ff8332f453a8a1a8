region             = "eu-west-1"
account_id         = "111111111111"
environment        = "dev"
owner              = "sluice-platform"
monthly_budget_usd = 300
alert_emails       = ["sluice-dev-alerts@example.com"]

workload_identity     = "irsa"
eks_oidc_provider_arn = "arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/DEV0CLUSTER0ID"
eks_oidc_issuer_url   = "https://oidc.eks.eu-west-1.amazonaws.com/id/DEV0CLUSTER0ID"

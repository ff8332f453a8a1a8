region             = "eu-central-1"
account_id         = "222222222222"
environment        = "prod"
owner              = "sluice-platform"
monthly_budget_usd = 5000
alert_emails       = ["sluice-oncall@example.com"]

workload_identity     = "irsa"
eks_oidc_provider_arn = "arn:aws:iam::222222222222:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/PROD0CLUSTER0ID"
eks_oidc_issuer_url   = "https://oidc.eks.eu-central-1.amazonaws.com/id/PROD0CLUSTER0ID"

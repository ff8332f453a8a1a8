terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
  }

  # State in the bucket terraform/bootstrap creates; S3 itself locks it (use_lockfile, no lock
  # table). The bucket name is per account: pass it with -backend-config=backend.hcl
  # (see backend.hcl.example).
  backend "s3" {
    key          = "sluice/prod/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  # Object key prefixes (core's ObjectKeys); grants never reach other prefixes of the bucket.
  uploads = "${var.bucket_arn}/uploads/*"
  outputs = "${var.bucket_arn}/outputs/*"

  # SageMaker endpoint ARNs carry the name in lower case.
  endpoint_arns = [for name in var.sagemaker_endpoint_names : "arn:${local.partition}:sagemaker:${local.region}:${local.account_id}:endpoint/${lower(name)}"]

}

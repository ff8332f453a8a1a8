output "queue_url" {
  description = "URL of the task queue."
  value       = module.queue.queue_url
}

output "dead_letter_queue_url" {
  description = "URL of the DLQ."
  value       = module.queue.dead_letter_queue_url
}

output "table_name" {
  description = "Name of the job table."
  value       = module.table.table_name
}

output "bucket_name" {
  description = "Name of the data bucket."
  value       = module.data.bucket_name
}

output "kms_key_arn" {
  description = "ARN of the project's KMS key."
  value       = module.key.key_arn
}

output "api_keys_secret_arn" {
  description = "ARN of the API key secret."
  value       = module.api_keys.secret_arn
}

output "role_arns" {
  description = "IAM role of each component: api, worker, reaper, keda (and model_sim in dev)."
  value       = module.workloads.role_arns
}

output "waf_web_acl_arn" {
  description = "Web ACL to attach to the API's load balancer."
  value       = module.api_waf.web_acl_arn
}

output "alarm_topic_arn" {
  description = "SNS topic of the queue alarms."
  value       = module.alarms.topic_arn
}

output "keda_role_arn" {
  description = "Role for the KEDA operator's service account (KEDA chart value podIdentity.aws.irsa.roleArn)."
  value       = module.workloads.role_arns["keda"]
}

# With Pod Identity the associations bind the roles, and an IRSA annotation would only get in
# the way (the SDK would try the web identity first).
locals {
  service_account_role_arns = { for c, arn in module.workloads.role_arns : c => var.workload_identity == "irsa" ? arn : "" }
}

# The chart's values, in the chart's own structure: write this output to a file and pass it to
# helm with -f (terraform/README.md). A test checks every path exists in charts/sluice/values.yaml.
output "helm_values" {
  description = "Values for charts/sluice that point it at these resources."
  value = {
    aws = {
      region   = local.region
      table    = module.table.table_name
      bucket   = module.data.bucket_name
      queueUrl = module.queue.queue_url
      dlqUrl   = module.queue.dead_letter_queue_url
      kmsKeyId = module.key.key_arn
    }
    api = {
      serviceAccount = { roleArn = local.service_account_role_arns["api"] }
      keys           = { secretId = module.api_keys.secret_arn }
      ingress = {
        annotations = { "alb.ingress.kubernetes.io/wafv2-acl-arn" = module.api_waf.web_acl_arn }
      }
    }
    worker = {
      serviceAccount = { roleArn = local.service_account_role_arns["worker"] }
      model = {
        imageGenerationEndpoint = var.sagemaker_endpoints["image_generation"]
        videoAnalysisEndpoint   = var.sagemaker_endpoints["video_analysis"]
      }
      keda = { auth = { identityOwner = "keda" } }
    }
    reaper = {
      serviceAccount = { roleArn = local.service_account_role_arns["reaper"] }
    }
    modelSim = {
      serviceAccount = { roleArn = lookup(local.service_account_role_arns, "model_sim", "") }
    }
  }
}

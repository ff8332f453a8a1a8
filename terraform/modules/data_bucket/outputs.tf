output "bucket_name" {
  description = "Name of the bucket (chart value aws.bucket)."
  value       = module.bucket.name
}

output "bucket_arn" {
  description = "ARN of the bucket."
  value       = module.bucket.arn
}

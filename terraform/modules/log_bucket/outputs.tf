output "bucket_name" {
  description = "Name of the access log bucket."
  value       = module.bucket.name
}

output "bucket_arn" {
  description = "ARN of the access log bucket."
  value       = module.bucket.arn
}

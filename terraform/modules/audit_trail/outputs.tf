output "trail_arn" {
  description = "ARN of the trail."
  value       = aws_cloudtrail.this.arn
}

output "bucket_arn" {
  description = "ARN of the trail's bucket."
  value       = module.bucket.arn
}

output "log_group_arn" {
  description = "ARN of the trail's CloudWatch log group."
  value       = aws_cloudwatch_log_group.trail.arn
}

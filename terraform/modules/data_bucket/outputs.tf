output "bucket_name" {
  description = "Name of the bucket (chart value aws.bucket)."
  value       = aws_s3_bucket.data.id
}

output "bucket_arn" {
  description = "ARN of the bucket."
  value       = aws_s3_bucket.data.arn
}

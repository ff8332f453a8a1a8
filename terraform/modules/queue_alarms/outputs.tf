output "topic_arn" {
  description = "ARN of the alarm topic (subscribe a pager to it)."
  value       = aws_sns_topic.alarms.arn
}

output "queue_url" {
  description = "URL of the task queue (chart value aws.queueUrl)."
  value       = aws_sqs_queue.tasks.id
}

output "queue_arn" {
  description = "ARN of the task queue."
  value       = aws_sqs_queue.tasks.arn
}

output "queue_name" {
  description = "Name of the task queue."
  value       = aws_sqs_queue.tasks.name
}

output "dead_letter_queue_url" {
  description = "URL of the DLQ (chart value aws.dlqUrl)."
  value       = aws_sqs_queue.dead_letter.id
}

output "dead_letter_queue_arn" {
  description = "ARN of the DLQ."
  value       = aws_sqs_queue.dead_letter.arn
}

output "dead_letter_queue_name" {
  description = "Name of the DLQ."
  value       = aws_sqs_queue.dead_letter.name
}

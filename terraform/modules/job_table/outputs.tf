output "table_name" {
  description = "Name of the table (chart value aws.table)."
  value       = aws_dynamodb_table.jobs.name
}

output "table_arn" {
  description = "ARN of the table."
  value       = aws_dynamodb_table.jobs.arn
}

output "index_arns" {
  description = "ARNs of the table's indexes by name (gsi1, gsi2, gsi3), for least-privilege Query grants."
  value       = { for name in ["gsi1", "gsi2", "gsi3"] : name => "${aws_dynamodb_table.jobs.arn}/index/${name}" }
}

output "web_acl_arn" {
  description = "ARN of the web ACL (ingress annotation alb.ingress.kubernetes.io/wafv2-acl-arn)."
  value       = aws_wafv2_web_acl.api.arn
}

output "log_group_arn" {
  description = "ARN of the WAF log group."
  value       = aws_cloudwatch_log_group.waf.arn
}

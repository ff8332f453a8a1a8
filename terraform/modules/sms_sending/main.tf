# The account's SMS settings for invitation texts sent through SNS: transactional delivery and a
# monthly spend ceiling, so a flood of invitations (or SMS pumping) cannot run up an unbounded bill.
# SNS stops sending for the rest of the month at the limit; the API's per-inviter and per-number
# limits keep ordinary use far below it.
resource "aws_sns_sms_preferences" "this" {
  default_sms_type    = "Transactional"
  monthly_spend_limit = var.monthly_spend_limit_usd
  default_sender_id   = var.sender_id
}

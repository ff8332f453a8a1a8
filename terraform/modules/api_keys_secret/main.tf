# Hashed API key records the API reads before the job table (chart value api.keys.secretId).
# Only hashes are stored: the value is not a credential by itself, but it decides who gets in,
# so it is encrypted with the project key and written only by the reaper's keys commands.
# Rotation is of the keys inside, not of the secret: see docs/runbook.md#api-keys and the
# schedule in terraform/README.md.
resource "aws_secretsmanager_secret" "api_keys" {
  #checkov:skip=CKV2_AWS_57:Holds hashed key records, not a credential; the keys inside rotate with reaper keys rotate (terraform/README.md).
  name                    = var.name
  description             = "Sluice API keys (hashed records); edit with: reaper keys create|rotate|revoke --secret"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_in_days
}

# An empty, valid key set, so the API starts before the first key is added. Later writes come
# from the reaper, which Terraform must not undo.
resource "aws_secretsmanager_secret_version" "initial" {
  secret_id     = aws_secretsmanager_secret.api_keys.id
  secret_string = jsonencode({ keys = [] })

  lifecycle {
    ignore_changes = [secret_string]
  }
}

# The single table of jobs, tasks, leases, idempotency records, API keys and counters. Its keys
# and indexes are core's JobTable.definition() (docs/architecture.md, "DynamoDB schema"); a test
# compares the two.
resource "aws_dynamodb_table" "jobs" {
  name                        = var.name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = var.deletion_protection

  dynamic "attribute" {
    for_each = ["pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "gsi3pk", "gsi3sk"]
    content {
      name = attribute.value
      type = "S"
    }
  }

  # An owner's jobs, newest first (GET /v1/jobs) and an owner's API keys.
  global_secondary_index {
    name            = "gsi1"
    hash_key        = "gsi1pk"
    range_key       = "gsi1sk"
    projection_type = "ALL"
  }

  # Sparse: unfinished tasks by state shard and due time (the reaper's and the monitor's queries).
  global_secondary_index {
    name            = "gsi2"
    hash_key        = "gsi2pk"
    range_key       = "gsi2sk"
    projection_type = "ALL"
  }

  # Sparse: unfinished tasks by owner, only ever counted (the active-jobs limit).
  global_secondary_index {
    name            = "gsi3"
    hash_key        = "gsi3pk"
    range_key       = "gsi3sk"
    projection_type = "KEYS_ONLY"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = var.point_in_time_recovery_days
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }
}

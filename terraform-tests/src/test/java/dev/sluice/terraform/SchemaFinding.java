package dev.sluice.terraform;

/**
 * One place where a .tf file does not match the AWS provider's schema, e.g. kind
 * {@code unknown_attribute} at path {@code rule.expiration.dayz} of {@code aws_s3_bucket_lifecycle_configuration.x}.
 */
record SchemaFinding(String file, int line, String address, String path, String kind, String message) {
    @Override
    public String toString() {
        return file + ":" + line + " " + address + (path.isEmpty() ? "" : " " + path) + ": " + kind + ": " + message;
    }
}

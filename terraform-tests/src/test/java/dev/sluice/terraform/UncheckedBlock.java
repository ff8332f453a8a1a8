package dev.sluice.terraform;

/** A resource or data block of another provider (kubernetes_*, helm_*): the AWS schema cannot judge it. */
record UncheckedBlock(String file, int line, String address) {
}

# tflint's own defaults, written down: the bundled terraform ruleset with its "recommended" preset
# and only local modules followed. The tests pass this file with --config to every directory of a
# recursive run, so a directory's own .tflint.hcl, a ~/.tflint.hcl or TFLINT_CONFIG_FILE on some
# machine cannot change the rules. No plugin needs `tflint --init` (a download from GitHub).
config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "recommended"
}

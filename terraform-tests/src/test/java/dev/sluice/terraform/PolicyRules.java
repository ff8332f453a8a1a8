package dev.sluice.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sluice's least-privilege rules for IAM policy documents. A wildcard is allowed only where no
 * name can be known: object keys under a fixed prefix, log streams CloudTrail names, a KMS key
 * policy's Resource (which means "this key"), SMS to phone numbers (which have no ARN) where the same
 * document denies publishing to topics, and in Deny statements, where it leaves nothing out.
 */
final class PolicyRules {
    // "${var.bucket_arn}/uploads/*": the bucket is named, the keys under the prefix cannot be.
    private static final Pattern OBJECTS_UNDER_PREFIX = Pattern.compile(".*(bucket|s3)[^/]*(/[A-Za-z0-9_.${}-]+)+/\\*");
    private static final Pattern LOG_STREAMS = Pattern.compile(".+:log-stream:\\*");

    private PolicyRules() {
    }

    /**
     * What breaks the rules, one line each.
     *
     * @param keyPolicies addresses of the documents used as KMS key policies
     */
    static List<String> violations(List<PolicyStatement> statements, Set<String> keyPolicies) {
        List<String> violations = new ArrayList<>();
        for (PolicyStatement s : statements) {
            if (s.actions().isEmpty()) {
                violations.add(s.where() + ": no actions listed");
            }
            if (!s.allow()) {
                continue;
            }
            for (String action : s.actions()) {
                if (action.contains("*")) {
                    violations.add(s.where() + ": wildcard action " + action + " in an Allow");
                }
            }
            if (s.principals().contains("*")) {
                violations.add(s.where() + ": Allow to every principal");
            }
            boolean keyPolicy = keyPolicies.contains(s.document());
            if (keyPolicy) {
                if (!s.resources().equals(List.of("*"))) {
                    violations.add(s.where() + ": a key policy's Resource must be \"*\" (this key), was " + s.resources());
                }
                continue;
            }
            if (s.resources().isEmpty() && !trustPolicy(s)) {
                violations.add(s.where() + ": no resources listed");
            }
            if (smsOnly(s, statements)) {
                continue;
            }
            for (String resource : s.resources()) {
                if (resource.contains("*") && !OBJECTS_UNDER_PREFIX.matcher(resource).matches()
                        && !LOG_STREAMS.matcher(resource).matches()) {
                    violations.add(s.where() + ": wildcard resource " + resource + " where a name is known");
                }
            }
        }
        return violations;
    }

    // sns:Publish to a phone number takes Resource "*"; a Deny on every topic of the same document
    // keeps the Allow to SMS.
    private static boolean smsOnly(PolicyStatement s, List<PolicyStatement> all) {
        return s.actions().equals(List.of("sns:Publish")) && s.resources().equals(List.of("*"))
                && all.stream().anyMatch(d -> !d.allow() && d.document().equals(s.document())
                        && d.actions().contains("sns:Publish") && d.resources().stream().anyMatch(r -> r.matches(".*:sns:\\*:\\*:\\*")));
    }

    // Trust policies (sts:AssumeRole*) have principals and no resources.
    private static boolean trustPolicy(PolicyStatement s) {
        return s.resourcePolicy() && s.actions().stream().allMatch(a -> a.startsWith("sts:"));
    }
}

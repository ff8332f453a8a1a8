package dev.sluice.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One {@code statement} of an {@code aws_iam_policy_document}, as written in the HCL. */
record PolicyStatement(String document, String sid, boolean allow, List<String> actions, List<String> resources,
                       List<String> principals) {

    /** Statements with principals belong to resource policies (bucket, queue, key, trust). */
    boolean resourcePolicy() {
        return !principals.isEmpty();
    }

    String where() {
        return document + (sid.isEmpty() ? "" : " statement " + sid);
    }

    static List<PolicyStatement> of(HclFiles.Block document) {
        return of(document, java.util.Map.of());
    }

    /** With {@code ${local.name}} replaced by the local's text where it is a plain string. */
    static List<PolicyStatement> of(HclFiles.Block document, java.util.Map<String, String> locals) {
        List<PolicyStatement> statements = new ArrayList<>();
        // A dynamic "statement" block is judged by its content, so no statement escapes the rules.
        List<JsonNode> written = new ArrayList<>();
        document.body().path("statement").forEach(written::add);
        for (JsonNode dynamic : document.body().path("dynamic")) {
            dynamic.path("statement").path("content").forEach(written::add);
        }
        for (JsonNode statement : written) {
            List<String> principals = new ArrayList<>();
            for (JsonNode principal : statement.path("principals")) {
                principals.addAll(HclFiles.strings(principal, "identifiers"));
            }
            String effect = HclFiles.value(statement, "effect").asText("Allow");
            statements.add(new PolicyStatement(document.address(), HclFiles.value(statement, "sid").asText(""),
                    !effect.equals("Deny"), resolve(HclFiles.strings(statement, "actions"), locals),
                    resolve(HclFiles.strings(statement, "resources"), locals), principals));
        }
        return statements;
    }

    private static List<String> resolve(List<String> expressions, java.util.Map<String, String> locals) {
        List<String> resolved = new ArrayList<>();
        for (String expression : expressions) {
            String text = expression;
            for (java.util.Map.Entry<String, String> local : locals.entrySet()) {
                text = text.replace("${local." + local.getKey() + "}", local.getValue());
            }
            resolved.add(text);
        }
        return resolved;
    }
}

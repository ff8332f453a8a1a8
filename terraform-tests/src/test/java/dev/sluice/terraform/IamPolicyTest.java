package dev.sluice.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IamPolicyTest {
    private static final Pattern DOCUMENT_REF = Pattern.compile("data\\.aws_iam_policy_document\\.([a-z0-9_]+)");
    private static final Path ROLES = Path.of("modules/workload_roles");
    private static final List<String> COMPONENTS = List.of("api", "worker", "reaper", "keda", "model_sim");

    private static HclFiles hcl;
    private static List<HclFiles.Block> documents;

    @BeforeAll
    static void parse() {
        hcl = HclFiles.parse(TerraformDir.terraform());
        documents = hcl.blocks("data", "aws_iam_policy_document");
    }

    @Test
    void everyPolicyNamesItsActionsAndResources() {
        List<PolicyStatement> statements = documents.stream()
                .flatMap(d -> PolicyStatement.of(d, hcl.locals(d.file().getParent())).stream()).toList();
        assertThat(statements).as("statements of dynamic blocks are read")
                .anySatisfy(s -> assertThat(s.sid()).isEqualTo("Workloads${statement.key}PhoneNumbers"));
        assertThat(statements).as("a resource read through a local is resolved")
                .anySatisfy(s -> assertThat(s.resources()).contains("${var.bucket_arn}/uploads/*"));
        assertThat(statements).hasSizeGreaterThan(30);
        assertThat(PolicyRules.violations(statements, keyPolicies())).isEmpty();
    }

    @Test
    void theRulesCatchWildcards() {
        HclFiles fixture = HclFiles.parse(Path.of("src/test/resources/fixtures/iam").toAbsolutePath());
        List<PolicyStatement> statements = fixture.blocks("data", "aws_iam_policy_document").stream()
                .flatMap(d -> PolicyStatement.of(d).stream()).toList();
        assertThat(PolicyRules.violations(statements, Set.of()))
                .anySatisfy(v -> assertThat(v).contains("wildcard action s3:*"))
                .anySatisfy(v -> assertThat(v).contains("wildcard action sqs:Get*"))
                .anySatisfy(v -> assertThat(v).contains("wildcard resource *"))
                .anySatisfy(v -> assertThat(v).contains("wildcard resource ${var.table_arn}/index/*"))
                .anySatisfy(v -> assertThat(v).contains("Allow to every principal"))
                .anySatisfy(v -> assertThat(v).contains("statement sms_without_topic_deny: wildcard resource *"))
                .anySatisfy(v -> assertThat(v).contains("statement dynamic_wildcard: wildcard action ${statement.value}:*"))
                .noneSatisfy(v -> assertThat(v).contains("deny_anything_insecure"))
                .noneSatisfy(v -> assertThat(v).contains("objects_under_prefix"));
    }

    /** Inline JSON policies would escape the rules above, so every policy is a document. */
    @Test
    void everyPolicyAttributeIsAPolicyDocument() {
        List<String> inline = new ArrayList<>();
        Map<String, String> attributes = Map.of("aws_kms_key", "policy", "aws_s3_bucket_policy", "policy",
                "aws_sqs_queue_policy", "policy", "aws_iam_role", "assume_role_policy", "aws_iam_role_policy", "policy");
        attributes.forEach((type, attribute) -> hcl.blocks("resource", type).forEach(block -> {
            String value = HclFiles.value(block.body(), attribute).asText();
            boolean passedIn = type.equals("aws_iam_role_policy") && value.equals("${var.policy_json}");
            if (!passedIn && (!DOCUMENT_REF.matcher(value).find() || value.contains("jsonencode"))) {
                inline.add(block.address() + " " + attribute + " = " + value);
            }
        }));
        assertThat(inline).isEmpty();
        assertThat(hcl.moduleCalls("../workload_role")).as("workload_role calls").singleElement()
                .satisfies(call -> assertThat(HclFiles.value(call.body(), "policy_json").asText()).isEqualTo("${each.value.policy}"));
        Map<String, String> policies = new TreeMap<>();
        hcl.localValues(ROLES).get("all_roles").fields()
                .forEachRemaining(role -> policies.put(role.getKey(), role.getValue().path("policy").asText()));
        assertThat(policies).as("policy of each role").containsOnlyKeys("api", "worker", "reaper", "keda", "model_sim")
                .allSatisfy((role, policy) -> assertThat(policy).isEqualTo("${data.aws_iam_policy_document." + role + ".json}"));
    }

    @Test
    void eachComponentGetsOnlyWhatItNeeds() throws IOException {
        Map<String, Set<String>> actions = new TreeMap<>();
        for (String component : COMPONENTS) {
            actions.put(component, roleDocument(component).stream().flatMap(s -> s.actions().stream())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        writeActionList(actions);

        assertThat(actions.get("api")).contains("sqs:SendMessage", "dynamodb:PutItem", "dynamodb:UpdateItem", "s3:PutObject")
                .noneMatch(a -> a.startsWith("s3:Delete") || a.equals("dynamodb:DeleteItem"))
                .doesNotContain("sqs:ReceiveMessage", "sqs:DeleteMessage", "sagemaker:InvokeEndpoint");
        assertThat(actions.get("worker")).contains("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                        "dynamodb:UpdateItem", "s3:PutObject", "sagemaker:InvokeEndpoint")
                .contains("sns:Publish")
                .doesNotContain("sqs:SendMessage", "secretsmanager:GetSecretValue");
        assertThat(actions.get("keda")).containsExactly("sqs:GetQueueAttributes");
        assertThat(actions.get("model_sim")).containsExactly("kms:Decrypt", "s3:GetObject");
        assertThat(actions.get("reaper")).contains("sqs:ReceiveMessage", "s3:DeleteObject")
                .doesNotContain("sagemaker:InvokeEndpoint");
        assertThat(roleDocument("worker")).filteredOn(s -> s.actions().contains("sagemaker:InvokeEndpoint"))
                .singleElement().satisfies(s -> assertThat(s.resources()).as("endpoint ARNs built from the names")
                        .singleElement().asString().contains(":sagemaker:", ":endpoint/${lower(name)}").doesNotContain("*"));
    }

    private static List<PolicyStatement> roleDocument(String component) {
        return documents.stream()
                .filter(d -> d.file().getParent().equals(ROLES) && d.name().equals(component))
                .findFirst().map(d -> PolicyStatement.of(d, hcl.locals(ROLES)))
                .orElseThrow(() -> new AssertionError("no policy document " + component + " in " + ROLES));
    }

    /** Documents used as a KMS key's policy, where Resource "*" means the key. */
    private static Set<String> keyPolicies() {
        Set<String> keyPolicies = new TreeSet<>();
        for (HclFiles.Block key : hcl.blocks("resource", "aws_kms_key")) {
            Matcher ref = DOCUMENT_REF.matcher(HclFiles.value(key.body(), "policy").asText());
            if (ref.find()) {
                documents.stream()
                        .filter(d -> d.name().equals(ref.group(1)) && d.file().getParent().equals(key.file().getParent()))
                        .forEach(d -> keyPolicies.add(d.address()));
            }
        }
        return keyPolicies;
    }

    private static void writeActionList(Map<String, Set<String>> actions) throws IOException {
        StringBuilder text = new StringBuilder("# IAM actions per role (terraform/modules/workload_roles)\n");
        actions.forEach((component, granted) -> text.append("\n## ").append(component).append("\n")
                .append(granted.stream().map(a -> "- " + a).collect(Collectors.joining("\n"))).append("\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/iam-actions.md"), text);
    }
}

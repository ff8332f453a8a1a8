package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-environment cluster setup in k8s/ (namespaces with Pod Security Admission, quotas,
 * limit ranges, default-deny policies) passes the same validators as the chart and sets up what
 * the chart relies on.
 */
class ClusterManifestsTest {
    static final String DIRECTORY = "k8s";
    private static final String TARGET = "k8s/";

    private static RenderedManifests manifests() {
        Path root = RepoRoot.resolve(DIRECTORY);
        List<Path> files;
        try (Stream<Path> paths = Files.walk(root)) {
            files = paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DIRECTORY + "/", e);
        }
        RenderedManifests manifests = RenderedManifests.read(files);
        assertThat(manifests.all()).as("objects in %s/", DIRECTORY).isNotEmpty();
        ValidationSummary.objects(TARGET, manifests);
        return manifests;
    }

    private static Path output(String file) {
        return RepoRoot.resolve("chart-tests/target/rendered/k8s").resolve(file);
    }

    @Test
    void builtInObjectsMatchTheKubernetesSchemas() {
        ValidationReport report = KubernetesValidate.validate(manifests().builtIn(), output("built-in.yaml"));
        ValidationSummary.validator(TARGET, report);
        assertThat(report.problems()).as("%s", report).isEmpty();
    }

    @Test
    void noObjectNeedsACrd() {
        // The setup runs before KEDA or prometheus-operator exist; a custom resource here would
        // also escape the Kubernetes schema check above.
        assertThat(manifests().customResources().ids()).isEmpty();
    }

    @Test
    void checkovFindsNothing() {
        Checkov.Report report = Checkov.scan(manifests(), output("all.yaml"));
        ValidationSummary.checkov(TARGET, report);
        assertThat(report.parsingErrors()).as("files checkov could not parse: %s", report.raw()).isZero();
        assertThat(report.failed()).as("%s", report).isEmpty();
        // No checkov check covers Namespace, ResourceQuota, LimitRange or NetworkPolicy today, so
        // zero passed checks is expected here; the run still fails on any object it does check.
    }

    @Test
    void everyCheckovSkipGivesItsReason() {
        assertThat(manifests().all().stream().flatMap(o -> Checkov.skipsWithoutReason(o).stream()).toList()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theNamespaceEnforcesRestrictedPodSecurity(Environment environment) {
        KubeObject namespace = manifests().find("Namespace", environment.namespace()).orElseThrow(
                () -> new AssertionError("no Namespace " + environment.namespace() + " in " + DIRECTORY + "/"));
        // The chart's pods are built to pass "restricted"; enforcing it keeps anything else out.
        assertThat(namespace.label("pod-security.kubernetes.io/enforce")).as("PSA enforce label of %s", namespace)
                .isEqualTo("restricted");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theNamespaceHasAQuotaALimitRangeAndDeniesAllTraffic(Environment environment) {
        RenderedManifests manifests = manifests();
        String namespace = environment.namespace();
        assertThat(manifests.ofKind("ResourceQuota").filter(o -> namespace.equals(o.namespace())).toList())
                .as("ResourceQuotas in %s", namespace).isNotEmpty();
        assertThat(manifests.ofKind("LimitRange").filter(o -> namespace.equals(o.namespace())).toList())
                .as("LimitRanges in %s", namespace).isNotEmpty();
        assertThat(manifests.ofKind("NetworkPolicy").filter(o -> namespace.equals(o.namespace())).filter(policy -> {
            JsonNode spec = policy.path("spec");
            return spec.path("podSelector").isEmpty()
                    && spec.path("policyTypes").toString().contains("\"Ingress\"")
                    && spec.path("policyTypes").toString().contains("\"Egress\"")
                    && spec.path("ingress").isEmpty() && spec.path("egress").isEmpty();
        }).toList()).as("NetworkPolicies denying all traffic of every pod in %s", namespace).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theChartFitsTheNamespaceLimits(Environment environment) {
        List<String> problems = NamespaceFit.problems(ChartRenderer.render(environment),
                manifests().filter(o -> environment.namespace().equals(o.namespace())));
        assertThat(problems).as("%s rendered into %s/%s", environment, DIRECTORY, environment.namespace()).isEmpty();
    }

    @AfterAll
    static void printSummary() {
        ValidationSummary.print(TARGET);
    }
}

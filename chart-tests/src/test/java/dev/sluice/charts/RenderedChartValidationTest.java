package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every object the chart renders for dev and prod is checked by a schema validator that knows its
 * kind (built-in kinds by the Kubernetes schemas, KEDA and prometheus-operator kinds by their CRD
 * schemas; any other kind fails), and the whole render passes checkov.
 */
class RenderedChartValidationTest {

    private static Path output(Environment environment, String file) {
        return RepoRoot.resolve("chart-tests/target/rendered").resolve(environment.toString()).resolve(file);
    }

    private static RenderedManifests rendered(Environment environment) {
        RenderedManifests manifests = ChartRenderer.render(environment);
        assertThat(manifests.all()).as("objects rendered for %s", environment).isNotEmpty();
        ValidationSummary.objects(environment.toString(), manifests);
        return manifests;
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void builtInObjectsMatchTheKubernetesSchemas(Environment environment) {
        ValidationReport report = KubernetesValidate.validate(rendered(environment).builtIn(),
                output(environment, "built-in.yaml"));
        ValidationSummary.validator(environment.toString(), report);
        assertThat(report.problems()).as("%s", report).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void customResourcesMatchTheirCrdSchemas(Environment environment) {
        ValidationReport report = CrdValidate.validate(rendered(environment).customResources(),
                output(environment, "custom-resources.yaml"));
        ValidationSummary.validator(environment.toString(), report);
        assertThat(report.problems()).as("%s", report).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void customResourcesMatchTheUpstreamCrdFiles(Environment environment) {
        Optional<Path> crds = CrdValidate.upstreamCrds();
        if (crds.isEmpty()) {
            ValidationSummary.note(environment.toString(), "upstream CRD files: skipped (no " + CrdValidate.UPSTREAM_CRDS + ")");
        }
        assumeTrue(crds.isPresent(), "skipped: no upstream CRD files in " + CrdValidate.UPSTREAM_CRDS
                + " (an optional sibling directory of the checkout); the @kubernetes-models check still ran");
        ValidationReport report = CrdValidate.validateAgainstUpstream(rendered(environment).customResources(),
                output(environment, "custom-resources.yaml"), crds.get());
        ValidationSummary.validator(environment.toString(), report);
        assertThat(report.problems()).as("%s", report).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void checkovFindsNothing(Environment environment) {
        Checkov.Report report = Checkov.scan(rendered(environment), output(environment, "all.yaml"));
        ValidationSummary.checkov(environment.toString(), report);
        assertThat(report.parsingErrors()).as("files checkov could not parse: %s", report.raw()).isZero();
        assertThat(report.failed()).as("%s", report).isEmpty();
        assertThat(report.passed()).as("checks checkov passed").isPositive();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyCheckovSkipGivesItsReason(Environment environment) {
        List<String> withoutReason = rendered(environment).all().stream()
                .flatMap(object -> Checkov.skipsWithoutReason(object).stream()).toList();
        assertThat(withoutReason).as("checkov.io/skipN annotations must read CKV_K8S_NN=<reason>").isEmpty();
    }

    @AfterAll
    static void printSummary() {
        for (Environment environment : Environment.values()) {
            ValidationSummary.print(environment.toString());
        }
    }
}

package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each validator reports objects it should reject, so the clean reports on the real renders are
 * not the reports of a validator that checks nothing.
 */
class ValidatorsRejectBadObjectsTest {
    private static final String DEPLOYMENT_WITH_UNKNOWN_FIELD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: typo
            spec:
              selector:
                matchLabels: {app: typo}
              template:
                metadata:
                  labels: {app: typo}
                spec:
                  containers:
                    - name: app
                      image: example/app:1.0.0
                      imagePullPolicyy: Always
            """;
    private static final String UNKNOWN_KIND = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: mystery
            """;
    private static final String SCALED_OBJECT_WITH_NUMBER_QUEUE_LENGTH = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: numbers
            spec:
              scaleTargetRef: {name: worker}
              triggers:
                - type: aws-sqs-queue
                  metadata: {queueLength: 4}
            """;
    private static final String SERVICE_MONITOR_WITH_UNKNOWN_FIELD = """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: typo
            spec:
              selector: {matchLabels: {app: typo}}
              endpoints:
                - port: http
                  intervall: 30s
            """;
    private static final String PRIVILEGED_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: risky
              namespace: default
            spec:
              containers:
                - name: app
                  image: example/app:1.0.0
                  securityContext:
                    privileged: true
            """;

    private static Path output(String file) {
        return RepoRoot.resolve("chart-tests/target/validator-checks").resolve(file);
    }

    @Test
    void kubernetesValidateRejectsAnUnknownField() {
        ValidationReport report = KubernetesValidate.validate(RenderedManifests.parse(DEPLOYMENT_WITH_UNKNOWN_FIELD),
                output("unknown-field.yaml"));
        assertThat(report.problems()).singleElement().asString().contains("imagePullPolicyy");
    }

    @Test
    void kubernetesValidateRejectsAKindItHasNoSchemaFor() {
        ValidationReport report = KubernetesValidate.validate(RenderedManifests.parse(UNKNOWN_KIND),
                output("unknown-kind.yaml"));
        assertThat(report.problems()).singleElement().asString().contains("Widget");
    }

    @Test
    void crdValidationRejectsAWrongType() {
        ValidationReport report = CrdValidate.validate(RenderedManifests.parse(SCALED_OBJECT_WITH_NUMBER_QUEUE_LENGTH),
                output("wrong-type.yaml"));
        assertThat(report.problems()).singleElement().asString().contains("queueLength");
    }

    @Test
    void crdValidationRejectsAKindNoValidatorKnows() {
        ValidationReport report = CrdValidate.validate(RenderedManifests.parse(UNKNOWN_KIND), output("unknown-crd.yaml"));
        assertThat(report.problems()).singleElement().asString().contains("Widget/mystery").contains("no schema");
    }

    @Test
    void upstreamCrdValidationRejectsAnUnknownField() {
        Optional<Path> crds = CrdValidate.upstreamCrds();
        assumeTrue(crds.isPresent(), "skipped: no upstream CRD files in " + CrdValidate.UPSTREAM_CRDS
                + " (an optional sibling directory of the checkout)");
        ValidationReport report = CrdValidate.validateAgainstUpstream(
                RenderedManifests.parse(SERVICE_MONITOR_WITH_UNKNOWN_FIELD), output("unknown-crd-field.yaml"), crds.get());
        assertThat(report.problems()).singleElement().asString().contains("unknown field \"intervall\"");
    }

    @Test
    void checkovReportsAPrivilegedContainer() {
        Checkov.Report report = Checkov.scan(RenderedManifests.parse(PRIVILEGED_POD), output("privileged.yaml"));
        assertThat(report.failed()).extracting(Checkov.Finding::checkId).contains("CKV_K8S_16");
    }

    @Test
    void aCheckovSkipNeedsAReason() {
        KubeObject object = RenderedManifests.parse("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: excuses
                  annotations:
                    checkov.io/skip1: CKV_K8S_43
                    checkov.io/skip2: "CKV_K8S_20=  "
                    checkov.io/skip3: CKV_K8S_38=the pod reads other pods through the API
                spec:
                  containers: []
                """).all().get(0);
        assertThat(Checkov.skipsWithoutReason(object)).containsExactlyInAnyOrder(
                "Pod/excuses checkov.io/skip1: CKV_K8S_43", "Pod/excuses checkov.io/skip2: CKV_K8S_20=  ");
        assertThat(Checkov.skips(object)).containsExactly("Pod/excuses CKV_K8S_38: the pod reads other pods through the API");
    }
}

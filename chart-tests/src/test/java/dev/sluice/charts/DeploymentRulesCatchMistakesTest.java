package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each deployment rule fails on a prod render with one deliberate mistake: proof that the rules
 * passing on the real renders means something.
 */
class DeploymentRulesCatchMistakesTest {

    @FunctionalInterface
    interface Rule {
        void check(Environment environment, RenderedManifests manifests) throws Exception;
    }

    private static RenderedManifests prod() {
        // Parsed anew on each call, so a mutation never leaks into another test.
        return ChartRenderer.render(Environment.PROD);
    }

    private static RenderedManifests prodWith(String kind, String component, Consumer<KubeObject> change) {
        RenderedManifests manifests = prod();
        change.accept(manifests.one(kind, component));
        return manifests;
    }

    private static ObjectNode object(JsonNode node) {
        return (ObjectNode) node;
    }

    private static ObjectNode firstContainer(KubeObject workload) {
        return object(workload.podSpec().path("containers").get(0));
    }

    private static ObjectNode sqsTriggerMetadata(KubeObject scaledObject) {
        return object(scaledObject.path("spec", "triggers").get(0).path("metadata"));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("grace period equal to the drain timeout",
                        prodWith("Deployment", "worker", worker -> {
                            String drain = prod().env(firstContainer(worker), "SLUICE_WORKER_DRAIN_TIMEOUT");
                            object(worker.podSpec()).put("terminationGracePeriodSeconds",
                                    DurationText.parse(drain).toSeconds());
                        }),
                        (Rule) DeploymentRules::theWorkerGracePeriodOutlastsItsDrainTimeout),
                Arguments.of("queueLength above the concurrency",
                        prodWith("ScaledObject", "worker", so -> sqsTriggerMetadata(so).put("queueLength",
                                String.valueOf(sqsTriggerMetadata(so).path("queueLength").asInt() + 1))),
                        (Rule) DeploymentRules::kedaScalesOnTheQueueTheWorkersReadWithTheirConcurrency),
                Arguments.of("in-flight messages not counted",
                        prodWith("ScaledObject", "worker", so -> sqsTriggerMetadata(so).put("scaleOnInFlight", "false")),
                        (Rule) DeploymentRules::kedaScalesOnTheQueueTheWorkersReadWithTheirConcurrency),
                Arguments.of("trigger authentication without AWS pod identity",
                        prodWith("TriggerAuthentication", "worker", auth -> object(auth.path("spec", "podIdentity"))
                                .put("provider", "none")),
                        (Rule) DeploymentRules::kedaScalesOnTheQueueTheWorkersReadWithTheirConcurrency),
                Arguments.of("writable root filesystem",
                        prodWith("Deployment", "api", api -> object(firstContainer(api).path("securityContext"))
                                .put("readOnlyRootFilesystem", false)),
                        (Rule) DeploymentRules::everyContainerIsSizedProbedAndRestricted),
                Arguments.of("no seccomp profile at either level",
                        prodWith("Deployment", "worker", worker -> {
                            object(firstContainer(worker).path("securityContext")).remove("seccompProfile");
                            object(worker.podSpec().path("securityContext")).remove("seccompProfile");
                        }),
                        (Rule) DeploymentRules::everyContainerIsSizedProbedAndRestricted),
                Arguments.of("no readiness probe",
                        prodWith("Deployment", "worker", worker -> firstContainer(worker).remove("readinessProbe")),
                        (Rule) DeploymentRules::everyContainerIsSizedProbedAndRestricted),
                Arguments.of("no memory limit",
                        prodWith("CronJob", "reaper", reaper -> object(firstContainer(reaper).path("resources")
                                .path("limits")).remove("memory")),
                        (Rule) DeploymentRules::everyContainerIsSizedProbedAndRestricted),
                Arguments.of("latest image",
                        prodWith("Deployment", "api", api -> firstContainer(api).put("image", "example/sluice-api:latest")),
                        (Rule) DeploymentRules::everyImageNamesOneBuild),
                Arguments.of("overlapping reaper runs",
                        prodWith("CronJob", "reaper", reaper -> object(reaper.path("spec")).put("concurrencyPolicy", "Allow")),
                        (Rule) DeploymentRules::theReaperNeverOverlapsAndMayOnlyReadPods),
                Arguments.of("reaper allowed to delete pods",
                        prodWith("Role", "reaper", role -> ((ArrayNode)
                                role.path("rules").get(0).path("verbs")).add("delete")),
                        (Rule) DeploymentRules::theReaperNeverOverlapsAndMayOnlyReadPods),
                Arguments.of("worker without an IAM role",
                        prodWith("ServiceAccount", "worker", sa -> object(sa.path("metadata", "annotations"))
                                .remove("eks.amazonaws.com/role-arn")),
                        (Rule) DeploymentRules::eachComponentRunsAsItsOwnServiceAccount),
                Arguments.of("api running as the worker's ServiceAccount",
                        prodWith("Deployment", "api", api -> object(api.podSpec()).put("serviceAccountName",
                                prod().one("ServiceAccount", "worker").name())),
                        (Rule) DeploymentRules::eachComponentRunsAsItsOwnServiceAccount),
                Arguments.of("no policy denies everything",
                        allNetworkPoliciesAllowSomeEgress(),
                        (Rule) DeploymentRules::aDefaultDenyPolicyCoversEveryPod),
                Arguments.of("a model-sim object in prod",
                        prodWithModelSimLabelOnTheConfig(),
                        (Rule) DeploymentRules::theModelSimulatorRunsInDevOnly),
                Arguments.of("no monitors",
                        prod().filter(o -> !o.kind().endsWith("Monitor")),
                        (Rule) DeploymentRules::prodIsScrapedAlertedAndHasItsDashboard),
                Arguments.of("an alert that differs from the rules file",
                        prodWithChangedAlert(),
                        (Rule) DeploymentRules::prodIsScrapedAlertedAndHasItsDashboard));
    }

    private static RenderedManifests allNetworkPoliciesAllowSomeEgress() {
        RenderedManifests manifests = prod();
        manifests.ofKind("NetworkPolicy").forEach(policy -> object(policy.path("spec")).putArray("egress").addObject());
        return manifests;
    }

    private static RenderedManifests prodWithModelSimLabelOnTheConfig() {
        RenderedManifests manifests = prod();
        KubeObject config = manifests.ofKind("ConfigMap").findFirst().orElseThrow();
        object(config.path("metadata", "labels")).put(KubeObject.COMPONENT_LABEL, "model-sim");
        return manifests;
    }

    private static RenderedManifests prodWithChangedAlert() {
        RenderedManifests manifests = prod();
        KubeObject rule = manifests.ofKind("PrometheusRule").findFirst().orElseThrow();
        object(rule.path("spec", "groups").get(0).path("rules").get(0)).put("expr", "vector(1)");
        return manifests;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void isCaught(String mistake, RenderedManifests manifests, Rule rule) {
        assertThatThrownBy(() -> rule.check(Environment.PROD, manifests)).as(mistake).isInstanceOf(AssertionError.class);
    }
}

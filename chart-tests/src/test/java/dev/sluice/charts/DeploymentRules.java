package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of the deployment that no schema knows: how the chart's objects must fit together and
 * with the apps. Each rule fails with an AssertionError naming the object. Objects are found by
 * kind and their app.kubernetes.io/component label.
 */
final class DeploymentRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BATCH_KINDS = Set.of("Job", "CronJob");

    private DeploymentRules() {
    }

    private static JsonNode workerContainer(RenderedManifests manifests) {
        KubeObject worker = manifests.one("Deployment", "worker");
        List<JsonNode> containers = new ArrayList<>();
        worker.podSpec().path("containers").forEach(containers::add);
        List<JsonNode> withConcurrency = containers.stream()
                .filter(c -> manifests.env(c, "SLUICE_WORKER_CONCURRENCY") != null).toList();
        assertThat(withConcurrency).as("containers of %s that set SLUICE_WORKER_CONCURRENCY", worker).hasSize(1);
        return withConcurrency.get(0);
    }

    static void theWorkerGracePeriodOutlastsItsDrainTimeout(Environment environment, RenderedManifests manifests) {
        KubeObject worker = manifests.one("Deployment", "worker");
        String drain = manifests.env(workerContainer(manifests), "SLUICE_WORKER_DRAIN_TIMEOUT");
        assertThat(drain).as("SLUICE_WORKER_DRAIN_TIMEOUT of %s", worker).isNotNull();
        JsonNode grace = worker.podSpec().path("terminationGracePeriodSeconds");
        // Kubernetes' default when the field is absent.
        long graceSeconds = grace.isMissingNode() ? 30 : grace.asLong();
        // Otherwise the kubelet kills workers that are still handing their tasks back.
        assertThat(Duration.ofSeconds(graceSeconds)).as("terminationGracePeriodSeconds of %s vs drain timeout %s",
                worker, drain).isGreaterThan(DurationText.parse(drain));
    }

    static void kedaScalesOnTheQueueTheWorkersReadWithTheirConcurrency(Environment environment, RenderedManifests manifests) {
        KubeObject worker = manifests.one("Deployment", "worker");
        JsonNode container = workerContainer(manifests);
        KubeObject scaledObject = manifests.one("ScaledObject", "worker");
        assertThat(scaledObject.path("spec", "scaleTargetRef", "name").asText()).isEqualTo(worker.name());

        List<JsonNode> sqsTriggers = new ArrayList<>();
        scaledObject.path("spec", "triggers").forEach(t -> {
            if ("aws-sqs-queue".equals(t.path("type").asText())) {
                sqsTriggers.add(t);
            }
        });
        assertThat(sqsTriggers).as("aws-sqs-queue triggers of %s", scaledObject).hasSize(1);
        JsonNode trigger = sqsTriggers.get(0);
        JsonNode metadata = trigger.path("metadata");
        // One pod takes this many messages at once: the target queue length per replica.
        assertThat(metadata.path("queueLength").asText()).as("queueLength of %s", scaledObject)
                .isEqualTo(manifests.env(container, "SLUICE_WORKER_CONCURRENCY"));
        // Messages being worked on are invisible; without them KEDA would scale busy workers away.
        assertThat(metadata.path("scaleOnInFlight").asText()).as("scaleOnInFlight of %s", scaledObject).isEqualTo("true");
        assertThat(metadata.path("queueURL").asText()).as("queueURL of %s", scaledObject)
                .isEqualTo(manifests.env(container, "SLUICE_QUEUE_URL"));

        String authName = trigger.path("authenticationRef").path("name").asText();
        KubeObject auth = manifests.find("TriggerAuthentication", authName).orElseThrow(() -> new AssertionError(
                "TriggerAuthentication " + authName + " named by " + scaledObject + " is not rendered"));
        assertThat(auth.path("spec", "podIdentity", "provider").asText()).as("podIdentity provider of %s", auth)
                .isEqualTo("aws");
    }

    static void everyContainerIsSizedProbedAndRestricted(Environment environment, RenderedManifests manifests) {
        List<String> problems = new ArrayList<>();
        List<KubeObject> workloads = manifests.all().stream().filter(KubeObject::isWorkload).toList();
        assertThat(workloads).as("workloads rendered for %s", environment).isNotEmpty();
        for (KubeObject workload : workloads) {
            JsonNode pod = workload.podSpec();
            for (String hostNamespace : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.path(hostNamespace).asBoolean(false)) {
                    problems.add(workload + ": " + hostNamespace + " is true");
                }
            }
            for (JsonNode container : workload.containers()) {
                boolean init = workload.initContainers().stream().anyMatch(c -> c == container);
                String where = workload + (init ? " init container " : " container ") + container.path("name").asText();
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (container.path("resources").path(kind).path(resource).asText("").isBlank()) {
                            problems.add(where + ": no resources." + kind + "." + resource);
                        }
                    }
                }
                // A batch run has no server to probe; plain init containers may not have probes at
                // all (only sidecars, which restart always, run alongside the app).
                boolean sidecar = "Always".equals(container.path("restartPolicy").asText());
                boolean probed = !BATCH_KINDS.contains(workload.kind()) && (!init || sidecar);
                if (probed) {
                    for (String probe : List.of("livenessProbe", "readinessProbe")) {
                        if (!container.has(probe)) {
                            problems.add(where + ": no " + probe);
                        }
                    }
                }
                problems.addAll(restrictedViolations(where, pod.path("securityContext"), container.path("securityContext")));
            }
        }
        assertThat(problems).as("containers rendered for %s", environment).isEmpty();
    }

    /** The Pod Security Standard "restricted" rules a container's settings (or its pod's) decide. */
    private static List<String> restrictedViolations(String where, JsonNode pod, JsonNode container) {
        List<String> problems = new ArrayList<>();
        JsonNode runAsNonRoot = container.has("runAsNonRoot") ? container.path("runAsNonRoot") : pod.path("runAsNonRoot");
        if (!runAsNonRoot.asBoolean(false)) {
            problems.add(where + ": runAsNonRoot is not true");
        }
        JsonNode runAsUser = container.has("runAsUser") ? container.path("runAsUser") : pod.path("runAsUser");
        if (!runAsUser.isMissingNode() && runAsUser.asLong() == 0) {
            problems.add(where + ": runAsUser is 0");
        }
        if (!container.path("allowPrivilegeEscalation").isBoolean() || container.path("allowPrivilegeEscalation").asBoolean()) {
            problems.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (container.path("privileged").asBoolean(false)) {
            problems.add(where + ": privileged");
        }
        Set<String> dropped = new HashSet<>();
        container.path("capabilities").path("drop").forEach(c -> dropped.add(c.asText()));
        if (!dropped.contains("ALL")) {
            problems.add(where + ": capabilities.drop lacks ALL");
        }
        container.path("capabilities").path("add").forEach(c -> {
            if (!"NET_BIND_SERVICE".equals(c.asText())) {
                problems.add(where + ": adds capability " + c.asText());
            }
        });
        JsonNode seccomp = container.has("seccompProfile") ? container.path("seccompProfile") : pod.path("seccompProfile");
        if (!"RuntimeDefault".equals(seccomp.path("type").asText())) {
            problems.add(where + ": seccompProfile is not RuntimeDefault (container or pod)");
        }
        if (!container.path("readOnlyRootFilesystem").asBoolean(false)) {
            problems.add(where + ": readOnlyRootFilesystem is not true");
        }
        return problems;
    }

    static void everyImageNamesOneBuild(Environment environment, RenderedManifests manifests) {
        List<String> problems = new ArrayList<>();
        for (KubeObject workload : manifests.all()) {
            for (JsonNode container : workload.containers()) {
                String image = container.path("image").asText();
                String problem = ImageReference.unpinnedReason(image);
                if (problem != null) {
                    problems.add(workload + " container " + container.path("name").asText() + ": " + problem);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    static void theReaperNeverOverlapsAndMayOnlyReadPods(Environment environment, RenderedManifests manifests) {
        KubeObject reaper = manifests.one("CronJob", "reaper");
        // Two reapers would race each other releasing the same leases.
        assertThat(reaper.path("spec", "concurrencyPolicy").asText()).as("concurrencyPolicy of %s", reaper)
                .isEqualTo("Forbid");

        String serviceAccount = reaper.podSpec().path("serviceAccountName").asText();
        List<JsonNode> rules = new ArrayList<>();
        for (KubeObject binding : manifests.all()) {
            if (!List.of("RoleBinding", "ClusterRoleBinding").contains(binding.kind())) {
                continue;
            }
            boolean bindsReaper = false;
            for (JsonNode subject : binding.path("subjects")) {
                bindsReaper |= "ServiceAccount".equals(subject.path("kind").asText())
                        && serviceAccount.equals(subject.path("name").asText());
            }
            if (bindsReaper) {
                String roleKind = binding.path("roleRef", "kind").asText();
                String roleName = binding.path("roleRef", "name").asText();
                KubeObject role = manifests.find(roleKind, roleName).orElseThrow(() -> new AssertionError(
                        binding + " binds " + roleKind + "/" + roleName + ", which the chart does not render"));
                role.path("rules").forEach(rules::add);
            }
        }
        assertThat(rules).as("RBAC rules bound to ServiceAccount %s", serviceAccount).isNotEmpty();
        for (JsonNode rule : rules) {
            assertThat(strings(rule.path("apiGroups"))).as("apiGroups of %s", rule).containsExactly("");
            assertThat(strings(rule.path("resources"))).as("resources of %s", rule).containsExactly("pods");
            assertThat(strings(rule.path("verbs"))).as("verbs of %s", rule).isNotEmpty().isSubsetOf("get", "list");
            assertThat(rule.has("resourceNames") || rule.has("nonResourceURLs")).as("extra fields in %s", rule).isFalse();
        }
    }

    static void eachComponentRunsAsItsOwnServiceAccount(Environment environment, RenderedManifests manifests) {
        Set<String> components = new TreeSet<>();
        Set<String> accountsUsed = new HashSet<>();
        for (KubeObject workload : manifests.all().stream().filter(KubeObject::isWorkload).toList()) {
            assertThat(workload.component()).as("%s label of %s", KubeObject.COMPONENT_LABEL, workload).isNotBlank();
            components.add(workload.component());
            KubeObject account = manifests.one("ServiceAccount", workload.component());
            assertThat(workload.podSpec().path("serviceAccountName").asText()).as("serviceAccountName of %s", workload)
                    .isEqualTo(account.name());
            assertThat(accountsUsed.add(account.name())).as("%s shares its ServiceAccount", workload).isTrue();
            if (environment == Environment.PROD) {
                // IRSA: each component gets exactly the AWS permissions of its own role.
                assertThat(account.annotation("eks.amazonaws.com/role-arn")).as("IAM role of %s", account)
                        .matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
            }
        }
        assertThat(components).as("components of %s", environment).contains("api", "worker", "reaper");
        assertThat(manifests.ofKind("ServiceAccount").map(KubeObject::component).toList())
                .as("ServiceAccounts by component").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(components);
    }

    static void aDefaultDenyPolicyCoversEveryPod(Environment environment, RenderedManifests manifests) {
        List<KubeObject> workloads = manifests.all().stream().filter(KubeObject::isWorkload).toList();
        List<KubeObject> denyAll = manifests.ofKind("NetworkPolicy").filter(policy -> {
            JsonNode spec = policy.path("spec");
            return strings(spec.path("policyTypes")).containsAll(List.of("Ingress", "Egress"))
                    && spec.path("ingress").isEmpty() && spec.path("egress").isEmpty()
                    && spec.path("podSelector").path("matchExpressions").isEmpty()
                    && workloads.stream().allMatch(w -> selects(spec.path("podSelector").path("matchLabels"),
                            podLabels(w)));
        }).toList();
        assertThat(denyAll).as("NetworkPolicies denying all ingress and egress of every pod, among %s",
                manifests.ofKind("NetworkPolicy").toList()).isNotEmpty();
    }

    static void theModelSimulatorRunsInDevOnly(Environment environment, RenderedManifests manifests) {
        if (environment == Environment.DEV) {
            manifests.one("Deployment", "model-sim");
            manifests.one("Service", "model-sim");
        } else {
            assertThat(manifests.ofComponent("model-sim")).as("model-sim objects in %s", environment).isEmpty();
            assertThat(manifests.ids()).as("objects of %s", environment).noneMatch(id -> id.contains("model-sim"));
        }
    }

    static void prodIsScrapedAlertedAndHasItsDashboard(Environment environment, RenderedManifests manifests) throws Exception {
        List<KubeObject> monitors = new ArrayList<>(manifests.ofKind("ServiceMonitor").toList());
        monitors.addAll(manifests.ofKind("PodMonitor").toList());
        assertThat(monitors).as("ServiceMonitors and PodMonitors of %s", environment).isNotEmpty();
        for (KubeObject monitor : monitors) {
            JsonNode selector = monitor.path("spec", "selector", "matchLabels");
            boolean selectsSomething = monitor.kind().equals("ServiceMonitor")
                    ? manifests.ofKind("Service").anyMatch(s -> selects(selector, s.path("metadata", "labels")))
                    : manifests.all().stream().filter(KubeObject::isWorkload).anyMatch(w -> selects(selector, podLabels(w)));
            assertThat(selectsSomething).as("%s selects a rendered %s", monitor,
                    monitor.kind().equals("ServiceMonitor") ? "Service" : "pod").isTrue();
        }

        // The rules file is the single source: promtool tests it, the chart ships it unchanged.
        JsonNode ruleFile = YAML.readTree(RepoRoot.resolve(AlertRule.RULES).toFile());
        List<KubeObject> rules = manifests.ofKind("PrometheusRule").toList();
        assertThat(rules).as("PrometheusRules of %s", environment).hasSize(1);
        assertThat(rules.get(0).path("spec", "groups")).as("groups of %s vs %s", rules.get(0), AlertRule.RULES)
                .isEqualTo(ruleFile.path("groups"));

        JsonNode dashboardFile = JSON.readTree(RepoRoot.resolve(DashboardTest.DASHBOARD).toFile());
        String dashboardKey = RepoRoot.resolve(DashboardTest.DASHBOARD).getFileName().toString();
        List<KubeObject> dashboards = manifests.ofKind("ConfigMap")
                .filter(c -> c.path("data").has(dashboardKey)).toList();
        assertThat(dashboards).as("ConfigMaps holding %s in %s", dashboardKey, environment).hasSize(1);
        assertThat(JSON.readTree(dashboards.get(0).path("data", dashboardKey).asText()))
                .as("dashboard in %s vs %s", dashboards.get(0), DashboardTest.DASHBOARD).isEqualTo(dashboardFile);
    }

    private static JsonNode podLabels(KubeObject workload) {
        return switch (workload.kind()) {
            case "Pod" -> workload.path("metadata", "labels");
            case "CronJob" -> workload.path("spec", "jobTemplate", "spec", "template", "metadata", "labels");
            default -> workload.path("spec", "template", "metadata", "labels");
        };
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        for (Map.Entry<String, JsonNode> label : matchLabels.properties()) {
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}

package dev.sluice.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One rendered Kubernetes object, read-only, with the lookups the chart assertions need. */
record KubeObject(JsonNode node) {
    static final String COMPONENT_LABEL = "app.kubernetes.io/component";

    /** API groups whose kinds are CustomResourceDefinitions, validated against CRD schemas. */
    static final Set<String> CRD_GROUPS = Set.of("keda.sh", "monitoring.coreos.com");

    String apiVersion() {
        return node.path("apiVersion").asText();
    }

    String kind() {
        return node.path("kind").asText();
    }

    String name() {
        return node.path("metadata").path("name").asText();
    }

    String namespace() {
        return node.path("metadata").path("namespace").asText();
    }

    String component() {
        return label(COMPONENT_LABEL);
    }

    String label(String key) {
        return node.path("metadata").path("labels").path(key).asText(null);
    }

    String annotation(String key) {
        return node.path("metadata").path("annotations").path(key).asText(null);
    }

    String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    boolean isCustomResource() {
        return CRD_GROUPS.contains(group());
    }

    /** Kind/name, as people and the validators' output name objects. */
    String id() {
        return kind() + "/" + name();
    }

    JsonNode path(String... fields) {
        JsonNode current = node;
        for (String field : fields) {
            current = current.path(field);
        }
        return current;
    }

    /** The pod template's spec of a workload, or a missing node for other kinds. */
    JsonNode podSpec() {
        return switch (kind()) {
            case "Pod" -> path("spec");
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> path("spec", "template", "spec");
            case "CronJob" -> path("spec", "jobTemplate", "spec", "template", "spec");
            default -> MissingNode.getInstance();
        };
    }

    boolean isWorkload() {
        return !podSpec().isMissingNode();
    }

    /** Init containers first, then the main ones. */
    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        podSpec().path("initContainers").forEach(containers::add);
        podSpec().path("containers").forEach(containers::add);
        return containers;
    }

    List<JsonNode> initContainers() {
        List<JsonNode> containers = new ArrayList<>();
        podSpec().path("initContainers").forEach(containers::add);
        return containers;
    }

    /** The value of an env entry given literally (not from a ConfigMap or Secret), or null. */
    static String env(JsonNode container, String name) {
        for (JsonNode entry : container.path("env")) {
            if (name.equals(entry.path("name").asText()) && entry.has("value")) {
                return entry.path("value").asText();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id();
    }
}

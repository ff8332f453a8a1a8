package dev.sluice.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a chart render fits the namespace it is installed into: every container within the
 * LimitRange's bounds (or the pod is refused), and all pods at their maximum scale, a rolling
 * update's surge included, within the ResourceQuota (or scaling out stops with quota errors
 * exactly when load is highest).
 */
final class NamespaceFit {
    private static final List<String> QUOTA_KEYS = List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory");

    private NamespaceFit() {
    }

    static List<String> problems(RenderedManifests chart, RenderedManifests namespace) {
        List<String> problems = new ArrayList<>();
        List<KubeObject> workloads = chart.all().stream().filter(KubeObject::isWorkload).toList();
        for (KubeObject range : namespace.ofKind("LimitRange").toList()) {
            for (JsonNode limit : range.path("spec", "limits")) {
                if ("Container".equals(limit.path("type").asText())) {
                    workloads.forEach(w -> problems.addAll(outsideContainerBounds(w, range, limit)));
                }
            }
        }
        Map<String, BigDecimal> peak = peakUsage(chart, workloads);
        for (KubeObject quota : namespace.ofKind("ResourceQuota").toList()) {
            JsonNode hard = quota.path("spec", "hard");
            for (Map.Entry<String, BigDecimal> used : peak.entrySet()) {
                // "cpu" and "memory" in a quota mean the requests.
                String alias = used.getKey().startsWith("requests.") ? used.getKey().substring("requests.".length()) : null;
                String limitText = hard.has(used.getKey()) ? hard.path(used.getKey()).asText()
                        : alias != null && hard.has(alias) ? hard.path(alias).asText() : null;
                if (limitText != null && used.getValue().compareTo(ResourceQuantity.parse(limitText)) > 0) {
                    problems.add(quota + ": " + used.getKey() + " " + limitText + " < " + used.getValue().stripTrailingZeros()
                            .toPlainString() + " at full scale with surge");
                }
            }
        }
        return problems;
    }

    private static List<String> outsideContainerBounds(KubeObject workload, KubeObject range, JsonNode limit) {
        List<String> problems = new ArrayList<>();
        for (JsonNode container : workload.containers()) {
            String where = workload + " container " + container.path("name").asText() + " vs " + range;
            for (String resource : List.of("cpu", "memory")) {
                String max = limit.path("max").path(resource).asText(null);
                String value = container.path("resources").path("limits").path(resource).asText(null);
                if (max != null && value != null && ResourceQuantity.parse(value).compareTo(ResourceQuantity.parse(max)) > 0) {
                    problems.add(where + ": limits." + resource + " " + value + " > max " + max);
                }
                String min = limit.path("min").path(resource).asText(null);
                String request = container.path("resources").path("requests").path(resource).asText(null);
                if (min != null && request != null && ResourceQuantity.parse(request).compareTo(ResourceQuantity.parse(min)) < 0) {
                    problems.add(where + ": requests." + resource + " " + request + " < min " + min);
                }
            }
        }
        return problems;
    }

    private static Map<String, BigDecimal> peakUsage(RenderedManifests chart, List<KubeObject> workloads) {
        Map<String, BigDecimal> total = new LinkedHashMap<>();
        QUOTA_KEYS.forEach(k -> total.put(k, BigDecimal.ZERO));
        total.put("pods", BigDecimal.ZERO);
        for (KubeObject workload : workloads) {
            BigDecimal pods = BigDecimal.valueOf(peakPods(chart, workload));
            total.merge("pods", pods, BigDecimal::add);
            for (String key : QUOTA_KEYS) {
                String[] parts = key.split("\\.");
                BigDecimal perPod = BigDecimal.ZERO;
                for (JsonNode container : workload.podSpec().path("containers")) {
                    String value = container.path("resources").path(parts[0]).path(parts[1]).asText(null);
                    perPod = perPod.add(value == null ? BigDecimal.ZERO : ResourceQuantity.parse(value));
                }
                total.merge(key, perPod.multiply(pods), BigDecimal::add);
            }
        }
        return total;
    }

    /** The most pods of this workload that can exist at once. */
    private static int peakPods(RenderedManifests chart, KubeObject workload) {
        if (!workload.kind().equals("Deployment")) {
            // A CronJob that forbids overlap runs one Job, of parallelism pods, at a time.
            JsonNode job = workload.kind().equals("CronJob") ? workload.path("spec", "jobTemplate", "spec") : workload.path("spec");
            return Math.max(1, job.path("parallelism").asInt(1));
        }
        int replicas = workload.path("spec", "replicas").asInt(1);
        for (KubeObject hpa : chart.ofKind("HorizontalPodAutoscaler").toList()) {
            if (hpa.path("spec", "scaleTargetRef", "name").asText().equals(workload.name())) {
                replicas = Math.max(replicas, hpa.path("spec", "maxReplicas").asInt());
            }
        }
        for (KubeObject scaledObject : chart.ofKind("ScaledObject").toList()) {
            if (scaledObject.path("spec", "scaleTargetRef", "name").asText().equals(workload.name())) {
                // KEDA's default maximum when the field is absent.
                replicas = Math.max(replicas, scaledObject.path("spec", "maxReplicaCount").asInt(100));
            }
        }
        JsonNode surge = workload.path("spec", "strategy", "rollingUpdate").path("maxSurge");
        String surgeText = surge.isMissingNode() ? "25%" : surge.asText();
        int extra = surgeText.endsWith("%")
                ? BigDecimal.valueOf(replicas).multiply(new BigDecimal(surgeText.substring(0, surgeText.length() - 1)))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValueExact()
                : Integer.parseInt(surgeText);
        if ("Recreate".equals(workload.path("spec", "strategy", "type").asText())) {
            extra = 0;
        }
        return replicas + extra;
    }
}

package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamespaceFitTest {
    private static final String NAMESPACE = """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: limits, namespace: ns}
            spec:
              limits:
                - type: Container
                  max: {cpu: "1", memory: 1Gi}
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: quota, namespace: ns}
            spec:
              hard: {limits.cpu: "5", cpu: "2", pods: "6"}
            """;

    private static String app(String cpuLimit, int maxReplicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 1
                  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}
                  template:
                    spec:
                      containers:
                        - name: app
                          resources:
                            requests: {cpu: 250m, memory: 128Mi}
                            limits: {cpu: "%s", memory: 256Mi}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: app}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
                  maxReplicas: %d
                """.formatted(cpuLimit, maxReplicas);
    }

    @Test
    void aChartWithinTheBoundsFits() {
        // 4 replicas + 1 surge = 5 pods of 500m: 2.5 CPU of limits, 1.25 CPU of requests.
        assertThat(NamespaceFit.problems(RenderedManifests.parse(app("500m", 4)), RenderedManifests.parse(NAMESPACE)))
                .isEmpty();
    }

    @Test
    void aContainerAboveTheLimitRangeMaximumDoesNot() {
        assertThat(NamespaceFit.problems(RenderedManifests.parse(app("1500m", 1)), RenderedManifests.parse(NAMESPACE)))
                .anySatisfy(p -> assertThat(p).contains("limits.cpu 1500m > max 1"));
    }

    @Test
    void fullScaleWithSurgeAboveTheQuotaDoesNot() {
        // 9 + 1 pods: 10 of 6 pods, 5 of 5 CPU limits is fine, 2.5 of 2 CPU requests is not.
        assertThat(NamespaceFit.problems(RenderedManifests.parse(app("500m", 9)), RenderedManifests.parse(NAMESPACE)))
                .anySatisfy(p -> assertThat(p).contains("pods 6 < 10"))
                .anySatisfy(p -> assertThat(p).contains("requests.cpu 2 < 2.5"))
                .noneSatisfy(p -> assertThat(p).contains("limits.cpu"));
    }
}

package dev.sluice.reaper.leases;

import dev.sluice.reaper.config.ReaperConfig;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The worker pods of the namespace, through the Fabric8 client. A worker's lease owner is its pod
 * name (HOSTNAME), so a lease whose owner is not among them belongs to a worker that is gone.
 */
@ApplicationScoped
public class WorkerPods {
    private final Instance<KubernetesClient> client;
    private final ReaperConfig.Kubernetes config;

    public WorkerPods(Instance<KubernetesClient> client, ReaperConfig config) {
        // Lazy: outside a cluster the client is never built, so no kubeconfig is ever read.
        this.client = client;
        this.config = config.kubernetes();
    }

    /** Configured explicitly, else on exactly when running in a pod. */
    public boolean enabled() {
        return config.enabled().orElseGet(ClusterDetection::inCluster);
    }

    public String namespace() {
        return config.namespace().filter(n -> !n.isBlank())
                .or(() -> Optional.ofNullable(client.get().getNamespace()))
                .orElse("default");
    }

    public String selector() {
        return config.workerSelector();
    }

    /**
     * Names of the worker pods whose process may still hold leases. A pod that is terminating still
     * counts (it drains and hands its tasks back itself); one whose containers have all stopped for
     * good (phase Succeeded or Failed) does not.
     */
    public Set<String> alive() {
        return client.get().pods().inNamespace(namespace()).withLabelSelector(selector()).list().getItems().stream()
                .filter(WorkerPods::mayRun)
                .map(pod -> pod.getMetadata().getName())
                .collect(Collectors.toSet());
    }

    private static boolean mayRun(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }
}

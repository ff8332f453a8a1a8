package dev.sluice.worker.wiring;

import dev.sluice.worker.config.WorkerConfig;
import jakarta.inject.Singleton;

/**
 * Who this process is as a lease owner. In Kubernetes HOSTNAME is the pod name, unique per pod; outside
 * it the process ID is appended so two workers on one machine never share an identity.
 */
@Singleton
public class WorkerIdentity {
    private final String id;

    public WorkerIdentity(WorkerConfig config) {
        this.id = config.worker().id().filter(s -> !s.isBlank()).orElseGet(WorkerIdentity::fromEnvironment);
    }

    public String id() {
        return id;
    }

    private static String fromEnvironment() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank() && System.getenv("KUBERNETES_SERVICE_HOST") != null) {
            return host;
        }
        String name = host != null && !host.isBlank() ? host : "worker";
        return name + "-" + ProcessHandle.current().pid();
    }
}

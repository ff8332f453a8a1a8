package dev.sluice.reaper.leases;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process runs in a Kubernetes pod with a service account to ask the API server. */
final class ClusterDetection {
    static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private ClusterDetection() {
    }

    static boolean inCluster() {
        String host = System.getenv("KUBERNETES_SERVICE_HOST");
        return host != null && !host.isBlank() && Files.isReadable(SERVICE_ACCOUNT_TOKEN);
    }
}

package dev.sluice.reaper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fabric8's Kubernetes mock API server in CRUD mode (through quarkus-test-kubernetes-client), for every
 * test class. {@code @WithKubernetesTestServer} does the same but is restricted to the annotated
 * class, which restarts the application (and the local AWS servers) for every class; this resource is
 * shared, so the whole module starts once. Namespace {@code test}, as with the annotation.
 */
public class KubernetesMockResource implements QuarkusTestResourceLifecycleManager {
    private KubernetesServer server;

    @Override
    public Map<String, String> start() {
        server = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
        server.before();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kubernetes.master", server.getClient().getConfiguration().getMasterUrl());
        config.put("kubernetes.trust.certificates", "true");
        config.put("kubernetes.auth.tryKubeConfig", "false");
        config.put("kubernetes.auth.tryServiceAccount", "false");
        config.put("kubernetes.namespace", "test");
        config.put("http2.disable", "true");
        // Fabric8's client reads these as system properties, as the annotation's resource sets them.
        config.forEach(System::setProperty);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.after();
        }
    }
}

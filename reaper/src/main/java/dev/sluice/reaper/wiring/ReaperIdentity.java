package dev.sluice.reaper.wiring;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who this process is as the holder of the reaper lock: the host (the pod name in Kubernetes), the
 * process ID and a random suffix, so two runs on one machine, or two commands in one JVM, never
 * share an identity and can never release each other's lock.
 */
@Singleton
public class ReaperIdentity {
    private final String host;
    private final SecureRandom random = new SecureRandom();

    public ReaperIdentity() {
        String hostname = System.getenv("HOSTNAME");
        this.host = hostname == null || hostname.isBlank() ? "reaper" : hostname;
    }

    /** A fresh identity per command invocation. */
    public String newOwner() {
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(suffix);
    }
}

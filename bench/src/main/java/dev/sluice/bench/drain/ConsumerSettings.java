package dev.sluice.bench.drain;

import java.util.HashMap;
import java.util.Map;

/**
 * How the drain scenarios run their consumers: fixed concurrency per process, a 1 s long poll (so a
 * stopped consumer's last receive has answered before a batch is sent, see {@link MeasuredDrain}),
 * and otherwise the worker's production defaults (30 s lease TTL, so 10 s between heartbeats).
 */
public record ConsumerSettings(int concurrency) {
    public static final int WAIT_SECONDS = 1;
    /** The worker's default lease TTL; the naive consumer uses it as its visibility timeout. */
    public static final int VISIBILITY_SECONDS = 30;

    /** Environment for a worker (and the naive consumer), added to the stack's app environment. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("SLUICE_WORKER_CONCURRENCY", Integer.toString(concurrency));
        env.put("SLUICE_WORKER_WAIT_TIME", WAIT_SECONDS + "s");
        env.put("SLUICE_WORKER_LEASE_TTL", VISIBILITY_SECONDS + "s");
        env.put("SLUICE_MODEL_TIMEOUT", "60s");
        return env;
    }
}

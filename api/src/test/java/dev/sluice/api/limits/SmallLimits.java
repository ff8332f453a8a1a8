package dev.sluice.api.limits;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.Map;

/** Limits small enough to reach in a test; every test brings its own keys and owners. */
public class SmallLimits implements QuarkusTestProfile {
    static final int REQUESTS = 5;
    static final Duration WINDOW = Duration.ofSeconds(2);
    static final int ACTIVE_JOBS = 3;
    static final int ACTIVE_JOBS_RETRY_AFTER = 7;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "%test.sluice.limits.rate.requests", Integer.toString(REQUESTS),
                "%test.sluice.limits.rate.window", WINDOW.toSeconds() + "s",
                "%test.sluice.limits.active-jobs", Integer.toString(ACTIVE_JOBS),
                "%test.sluice.limits.active-jobs-retry-after", ACTIVE_JOBS_RETRY_AFTER + "s");
    }

    /** Sleeps into the start of a fresh rate window, so the next few requests all fall in one window. */
    static void startOfAWindow() throws InterruptedException {
        long windowMillis = WINDOW.toMillis();
        long now = System.currentTimeMillis();
        long next = (now / windowMillis + 1) * windowMillis;
        Thread.sleep(next - now + 20);
    }
}

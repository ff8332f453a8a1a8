package dev.sluice.api.limits;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.core.limits.RequestWindow;
import dev.sluice.core.limits.WindowCount;
import dev.sluice.core.limits.WindowCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Counts each authenticated request against its API key's shared window ({@link WindowCounter}), with
 * a pod-local memory of exhausted keys: once a key is known to be over its limit, this pod refuses it
 * without a DynamoDB write until the window ends, so past its quota an abusive client costs one
 * refused write per window and pod.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** Exhausted keys remembered at most; past it the memory is cleared (it is only a shortcut). */
    static final int MAX_EXHAUSTED = 10_000;

    private final boolean enabled;
    private final WindowCounter counter;
    private final Clock clock;
    private final LimitMetrics metrics;
    private final ConcurrentHashMap<String, Instant> exhaustedUntil = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastWarnedWindow = new AtomicReference<>(Instant.EPOCH);

    @Inject
    public RateLimiter(DynamoDbClient dynamo, SluiceConfig config, Clock clock, LimitMetrics metrics) {
        this(config.limits().rate().enabled(), new WindowCounter(dynamo, config.table(), clock,
                config.limits().rate().requests(), config.limits().rate().window()), clock, metrics);
    }

    RateLimiter(boolean enabled, WindowCounter counter, Clock clock, LimitMetrics metrics) {
        this.enabled = enabled;
        this.counter = counter;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Counts one request of {@code keyId}; {@link WindowCount.Exhausted} means refuse it. Empty when
     * the limit is switched off ({@code sluice.limits.rate.enabled}).
     */
    public Optional<WindowCount> admit(String keyId) {
        return enabled ? Optional.of(count(keyId)) : Optional.empty();
    }

    private WindowCount count(String keyId) {
        Instant now = clock.instant();
        Instant until = exhaustedUntil.get(keyId);
        if (until != null && now.isBefore(until)) {
            metrics.rateRefused();
            return new WindowCount.Exhausted(counter.windowAt(now), counter.limit());
        }
        if (until != null) {
            exhaustedUntil.remove(keyId, until);
        }
        WindowCount count = counter.count(keyId);
        if (count instanceof WindowCount.Exhausted) {
            remember(keyId, count.window());
            metrics.rateRefused();
        } else if (count instanceof WindowCount.Uncounted uncounted) {
            // Fail open: the limit protects capacity, it is not what makes the API correct. Refusing
            // would turn a DynamoDB hiccup into a 429 storm that tells clients they did something wrong
            // (and back off) when they did not; routes that need DynamoDB answer 503 on their own, and
            // the rest (cached keys, presigned uploads) keep working. The cost is at most an outage's
            // worth of uncounted requests.
            metrics.uncounted();
            warnOncePerWindow(uncounted);
        }
        return count;
    }

    private void remember(String keyId, RequestWindow window) {
        if (exhaustedUntil.size() >= MAX_EXHAUSTED) {
            exhaustedUntil.clear();
        }
        exhaustedUntil.put(keyId, window.end());
    }

    private void warnOncePerWindow(WindowCount.Uncounted uncounted) {
        Instant window = uncounted.window().start();
        Instant last = lastWarnedWindow.get();
        if (window.isAfter(last) && lastWarnedWindow.compareAndSet(last, window)) {
            LOG.warnf("Rate limit not enforced: the request counter is unreachable (%s); requests pass uncounted",
                    uncounted.cause().toString());
        }
    }
}

package dev.sluice.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.LocalState;
import dev.sluice.core.limits.WindowCount;
import dev.sluice.core.limits.WindowCounter;
import dev.sluice.core.store.JobTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One pod's limiter over the shared counter: its memory of exhausted keys, and failing open. */
class RateLimiterTest {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** A clock the test moves; the counter and the limiter read the same one, as in the API. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static RateLimiter pod(DynamoDbClient dynamo, Clock clock, SimpleMeterRegistry registry) {
        WindowCounter counter = new WindowCounter(dynamo, LocalState.resources().table(), clock, 2, WINDOW);
        return new RateLimiter(true, counter, clock, new LimitMetrics(registry));
    }

    @Test
    void aPodRefusesAKeyItKnowsExhaustedWithoutAnotherWriteUntilTheWindowEnds() {
        SettableClock clock = new SettableClock(Instant.parse("2026-04-01T10:00:30Z"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RateLimiter podA = pod(LocalState.dynamo(), clock, registry);
        RateLimiter podB = pod(LocalState.dynamo(), clock, registry);
        String key = "limiter" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(podA.admit(key)).containsInstanceOf(WindowCount.Allowed.class);
        assertThat(podA.admit(key)).containsInstanceOf(WindowCount.Allowed.class);
        assertThat(podA.admit(key)).containsInstanceOf(WindowCount.Exhausted.class);

        // The shared count disappears: only a pod that asks DynamoDB can notice.
        var windowKey = JobTable.rateWindowKey(key, Instant.parse("2026-04-01T10:00:00Z").getEpochSecond());
        LocalState.dynamo().deleteItem(b -> b.tableName(LocalState.resources().table()).key(windowKey));

        assertThat(podA.admit(key)).as("refused from memory").containsInstanceOf(WindowCount.Exhausted.class);
        assertThat(LocalState.dynamo().getItem(b -> b.tableName(LocalState.resources().table()).key(windowKey)
                .consistentRead(true)).item()).as("pod A wrote nothing").isEmpty();
        assertThat(podB.admit(key)).as("another pod asks DynamoDB").containsInstanceOf(WindowCount.Allowed.class);
        assertThat(registry.get(LimitMetrics.REFUSED).tag("limit", "rate").counter().count()).isEqualTo(2);

        clock.now = clock.now.plus(WINDOW);
        assertThat(podA.admit(key)).as("the next window").containsInstanceOf(WindowCount.Allowed.class);
    }

    @Test
    void anUnreachableCounterLetsRequestsThroughAndCountsThem() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DynamoDbClient dead = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            RateLimiter limiter = pod(dead, Clock.systemUTC(), registry);

            assertThat(limiter.admit("any-key")).containsInstanceOf(WindowCount.Uncounted.class);
            assertThat(limiter.admit("any-key")).containsInstanceOf(WindowCount.Uncounted.class);
        }
        assertThat(registry.get(LimitMetrics.UNCOUNTED).counter().count()).isEqualTo(2);
        assertThat(registry.get(LimitMetrics.REFUSED).tag("limit", "rate").counter().count()).isZero();
    }

    @Test
    void switchedOffNothingIsCounted() {
        WindowCounter counter = new WindowCounter(LocalState.dynamo(), LocalState.resources().table(),
                Clock.systemUTC(), 1, WINDOW);
        RateLimiter off = new RateLimiter(false, counter, Clock.systemUTC(), new LimitMetrics(new SimpleMeterRegistry()));

        assertThat(off.admit("k")).isEmpty();
        assertThat(off.admit("k")).isEmpty();
    }
}

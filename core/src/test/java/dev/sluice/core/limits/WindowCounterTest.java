package dev.sluice.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import dev.sluice.core.store.JobTable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The shared fixed-window counter against a real DynamoDB API (moto server). */
class WindowCounterTest {
    private static final int LIMIT = 5;
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private static MotoTable table;
    // Mid-window, so a few seconds of advancing stay inside it.
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:10Z"));

    @BeforeAll
    static void setUp() {
        table = MotoTable.create();
    }

    @AfterAll
    static void tearDown() {
        table.dynamo().close();
    }

    private static WindowCounter replica() {
        return new WindowCounter(table.dynamo(), table.name(), clock, LIMIT, WINDOW);
    }

    private static String freshKey() {
        return "key" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void exactlyTheLimitIsAllowedPerWindowAndTheNextWindowStartsAfresh() {
        WindowCounter counter = replica();
        String key = freshKey();

        for (int i = 1; i <= LIMIT; i++) {
            WindowCount count = counter.count(key);
            assertThat(count).isInstanceOf(WindowCount.Allowed.class);
            assertThat(((WindowCount.Allowed) count).used()).isEqualTo(i);
            assertThat(((WindowCount.Allowed) count).remaining()).isEqualTo(LIMIT - i);
        }
        WindowCount refused = counter.count(key);
        assertThat(refused).isInstanceOf(WindowCount.Exhausted.class);
        assertThat(refused.window().start()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(refused.window().secondsLeft(clock.instant())).isEqualTo(50);
        assertThat(counter.count(key)).as("refusals are not counted, and stay refusals").isInstanceOf(WindowCount.Exhausted.class);

        clock.advance(WINDOW);
        WindowCount next = counter.count(key);
        assertThat(next).isInstanceOf(WindowCount.Allowed.class);
        assertThat(((WindowCount.Allowed) next).used()).isEqualTo(1);
        assertThat(next.window().start()).isEqualTo(Instant.parse("2026-03-01T00:01:00Z"));
    }

    @Test
    void replicasShareOneCountEvenWhenCountingAtOnce() throws Exception {
        WindowCounter first = replica();
        WindowCounter second = replica();
        String key = freshKey();
        first.count(key);
        first.count(key);
        WindowCount third = second.count(key);
        assertThat(((WindowCount.Allowed) third).used()).as("the second replica sees the first one's requests").isEqualTo(3);

        String racedKey = freshKey();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<WindowCount>> results = new ArrayList<>();
            for (int i = 0; i < 3 * LIMIT; i++) {
                WindowCounter replica = i % 2 == 0 ? first : second;
                results.add(pool.submit((Callable<WindowCount>) () -> replica.count(racedKey)));
            }
            int allowed = 0;
            for (Future<WindowCount> result : results) {
                if (result.get() instanceof WindowCount.Allowed) {
                    allowed++;
                }
            }
            assertThat(allowed).isEqualTo(LIMIT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysAreCountedApartAndEachWindowExpiresByTtlAtItsEnd() {
        WindowCounter counter = replica();
        String busy = freshKey();
        for (int i = 0; i <= LIMIT; i++) {
            counter.count(busy);
        }
        assertThat(counter.count(freshKey())).isInstanceOf(WindowCount.Allowed.class);

        var item = table.dynamo().getItem(b -> b.tableName(table.name())
                .key(JobTable.rateWindowKey(busy, counter.windowAt(clock.instant()).start().getEpochSecond()))).item();
        assertThat(item.get(WindowCounter.COUNT).n()).isEqualTo(Integer.toString(LIMIT));
        assertThat(Long.parseLong(item.get(JobTable.EXPIRES_AT).n()))
                .isEqualTo(counter.windowAt(clock.instant()).end().getEpochSecond());
    }

    @Test
    void anUnreachableTableLeavesTheRequestUncounted() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (DynamoDbClient dead = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build()) {
            WindowCount count = new WindowCounter(dead, "jobs", clock, LIMIT, WINDOW).count(freshKey());

            assertThat(count).isInstanceOf(WindowCount.Uncounted.class);
            assertThat(count.limit()).isEqualTo(LIMIT);
        }
    }
}

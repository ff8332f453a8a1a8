package dev.sluice.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.MotoTable;
import dev.sluice.core.MutableClock;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);
    private static MotoTable table;
    private static JobStore jobs;

    @BeforeAll
    static void setUp() {
        table = MotoTable.create();
        jobs = new JobStore(table.dynamo(), table.name(), IDEMPOTENCY_TTL, RETENTION, new MutableClock(NOW));
    }

    @AfterAll
    static void tearDown() {
        table.dynamo().close();
    }

    @Test
    void everyItemOfAJobExpiresAfterTheRetentionAndItsKeyAfterTheIdempotencyTtl() {
        String upload = "uploads/owner-r/1/a.mp4";
        Job job = ((JobCreation.Created) jobs.create(new NewJob("owner-r", JobType.VIDEO_ANALYSIS, "{}",
                Optional.of("key-1"), "h", List.of(upload)))).job();

        String retained = Long.toString(NOW.plus(RETENTION).getEpochSecond());
        assertThat(item(JobTable.jobKey(job.jobId())).get(JobTable.EXPIRES_AT).n()).isEqualTo(retained);
        assertThat(item(JobTable.taskKey(job.tasks().get(0).ref())).get(JobTable.EXPIRES_AT).n()).isEqualTo(retained);
        assertThat(item(JobTable.objectReferenceKey(upload, job.jobId())).get(JobTable.EXPIRES_AT).n())
                .isEqualTo(retained);
        assertThat(item(JobTable.idempotencyKey("owner-r", "key-1")).get(JobTable.EXPIRES_AT).n())
                .isEqualTo(Long.toString(NOW.plus(IDEMPOTENCY_TTL).getEpochSecond()));
        assertThat(item(JobTable.jobKey(job.jobId())).get(TaskAttributes.IDEMPOTENCY_KEY).s())
                .as("the job leads to its idempotency record").isEqualTo("key-1");
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        return table.dynamo().getItem(b -> b.tableName(table.name()).key(key).consistentRead(true)).item();
    }
}

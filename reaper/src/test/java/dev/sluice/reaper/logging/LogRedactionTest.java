package dev.sluice.reaper.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.lease.Lease;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.devstack.logs.JsonLogFile;
import dev.sluice.reaper.Fixtures;
import dev.sluice.reaper.KubernetesMockResource;
import dev.sluice.reaper.TestClock;
import dev.sluice.reaper.run.TaskLog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

/** What the reaper's real logging setup writes (JSON file handler of the test profile, same filter as the console). */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class LogRedactionTest {
    private static final JsonLogFile LOG_FILE = JsonLogFile.of("reaper");

    private static final Logger LOG = Logger.getLogger(LogRedactionTest.class);
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZWFwZXIifQ.c2lnbmF0dXJlUmVh";
    private static final String API_KEY = "slk_0a1b2c3d4e5f6a7b8c9dZZ";
    private static final String PHONE = "+49 151 2345 6789";
    private static final String VIN = "JH4KA7561PC008269";
    private static final String PLATE = "B-MW 1234";

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Test
    void secretsAndPersonalDataAreMaskedAndTaskLinesCarryTheLease() throws Exception {
        clock.reset();
        TaskRef ref = fixtures.newTask();
        Lease lease = fixtures.lease(ref, "worker-7", Duration.ofMinutes(2));
        Task task = fixtures.task(ref);
        String marker = UUID.randomUUID().toString();

        try (TaskLog ignored = TaskLog.of(task)) {
            LOG.warnf("redaction check %s: malformed DLQ message; body: {\"apiKey\":\"%s\",\"phone\":\"%s\"} "
                    + "headers X-Api-Key: %s, Authorization: Bearer %s; vehicle %s plate=%s", marker, API_KEY, PHONE,
                    API_KEY, TOKEN, VIN, PLATE);
        }

        JsonNode line = LOG_FILE.await(JsonLogFile.messageContains("redaction check " + marker));
        assertThat(line.path("message").asText()).endsWith(
                "body: {\"apiKey\":\"***9dZZ\",\"phone\":\"+***6789\"} "
                        + "headers X-Api-Key: ***9dZZ, Authorization: Bearer ***UmVh; vehicle ***8269 plate=***34");
        JsonNode mdc = line.path("mdc");
        assertThat(mdc.path("jobId").asText()).isEqualTo(ref.jobId());
        assertThat(mdc.path("taskId").asText()).isEqualTo(ref.taskId());
        assertThat(mdc.path("attempt").asText()).isEqualTo("1");
        assertThat(mdc.path("fencingToken").asText()).isEqualTo(String.valueOf(lease.fencingToken()));
        assertThat(mdc.path("workerId").asText()).isEqualTo("worker-7");
        assertThat(LOG_FILE.text()).doesNotContain(TOKEN, API_KEY, PHONE, VIN, PLATE);
        assertThat(MDC.get("jobId")).as("closed: the task's fields are gone").isNull();
        assertThat(MDC.get("fencingToken")).isNull();
    }
}

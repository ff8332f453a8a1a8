package dev.sluice.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.devstack.logs.JsonLogFile;
import dev.sluice.worker.Tasks;
import dev.sluice.worker.wiring.WorkerIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** What the worker's real logging setup writes (JSON file handler of the test profile, same filter as the console). */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class LogRedactionTest {
    private static final JsonLogFile LOG_FILE = JsonLogFile.of("worker");

    private static final Logger LOG = Logger.getLogger(LogRedactionTest.class);
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3b3JrZXIifQ.c2lnbmF0dXJlV29y";
    private static final String API_KEY = "sk_live_51Hc0ffeeC0ffeeC0ffee42";
    private static final String PHONE = "+1 555 010 9876";
    private static final String VIN = "WVWZZZ1JZXW386752";
    private static final String PLATE = "KA01AB1234";

    @Inject
    JobStore jobs;

    @Inject
    WorkerIdentity identity;

    @Test
    void secretsAndPersonalDataAreMaskedInEveryLine() throws Exception {
        String marker = UUID.randomUUID().toString();

        LOG.infof("redaction check %s: calling model with {\"Authorization\":\"Bearer %s\",\"apiKey\":\"%s\"} "
                + "for {\"phoneNumber\":\"%s\",\"vin\":\"%s\",\"plate\":\"%s\"}", marker, TOKEN, API_KEY, PHONE, VIN, PLATE);

        JsonNode line = LOG_FILE.await(JsonLogFile.messageContains("redaction check " + marker));
        assertThat(line.path("message").asText()).endsWith(
                "{\"Authorization\":\"Bearer ***V29y\",\"apiKey\":\"***ee42\"} "
                        + "for {\"phoneNumber\":\"+***9876\",\"vin\":\"***6752\",\"plate\":\"***34\"}");
        assertThat(LOG_FILE.text()).doesNotContain(TOKEN, API_KEY, PHONE, VIN, PLATE);
    }

    @Test
    void linesAboutALeasedTaskCarryItsJobTaskAttemptFencingTokenAndWorker() throws Exception {
        TaskRef ref = Tasks.submitImage(jobs, "log context");
        Task done = Tasks.awaitTask(jobs, ref, Duration.ofSeconds(30), t -> t.status().isTerminal());

        JsonNode acquired = LOG_FILE.await(record -> ref.taskId().equals(record.path("mdc").path("taskId").asText())
                && record.path("message").asText().equals("lease acquired"));
        JsonNode finished = LOG_FILE.await(record -> ref.taskId().equals(record.path("mdc").path("taskId").asText())
                && record.path("message").asText().startsWith("task finished"));

        for (JsonNode line : new JsonNode[] {acquired, finished}) {
            JsonNode mdc = line.path("mdc");
            assertThat(mdc.path("jobId").asText()).as(line.toString()).isEqualTo(ref.jobId());
            assertThat(mdc.path("workerId").asText()).as(line.toString()).isEqualTo(identity.id());
            assertThat(mdc.path("attempt").asText()).as(line.toString()).isEqualTo(String.valueOf(done.attempts()));
            assertThat(mdc.path("fencingToken").asText()).as(line.toString()).isEqualTo(String.valueOf(done.fencingToken()));
        }
    }
}

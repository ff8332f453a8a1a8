package dev.sluice.api.logging;

import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.devstack.DevStackResource;
import dev.sluice.devstack.logs.JsonLogFile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** What the API's real logging setup writes (JSON file handler of the test profile, same filter as the console). */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class LogRedactionTest {
    private static final JsonLogFile LOG_FILE = JsonLogFile.of("api");

    private static final Logger LOG = Logger.getLogger(LogRedactionTest.class);
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhcGktdGVzdCJ9.c2lnbmF0dXJlQXBp";
    private static final String API_KEY = "slk_9f8e7d6c5b4a3928170A";
    private static final String PHONE = "+44 20 7946 0958";
    private static final String VIN = "1HGCM82633A004352";
    private static final String PLATE = "AB12 CDE";

    @Test
    void secretsAndPersonalDataAreMaskedInEveryLine() throws Exception {
        String marker = UUID.randomUUID().toString();

        LOG.infof("redaction check %s: Authorization: Bearer %s X-Api-Key: %s caller %s vehicle %s "
                + "{\"licencePlate\":\"%s\"}", marker, TOKEN, API_KEY, PHONE, VIN, PLATE);
        LOG.error("redaction check " + marker + " with an exception",
                new IllegalStateException("rejected X-Api-Key: " + API_KEY + " from " + PHONE));

        JsonNode line = LOG_FILE.await(JsonLogFile.messageContains("redaction check " + marker + ":"));
        assertThat(line.path("message").asText())
                .contains("Authorization: Bearer ***QXBp", "X-Api-Key: ***170A", "caller +***0958",
                        "vehicle ***4352", "{\"licencePlate\":\"***DE\"}");
        JsonNode withException = LOG_FILE.await(JsonLogFile.messageContains("redaction check " + marker + " with"));
        assertThat(withException.toString()).contains("X-Api-Key: ***170A from +***0958");
        assertThat(LOG_FILE.text()).doesNotContain(TOKEN, API_KEY, PHONE, VIN, PLATE);
    }

    @Test
    void theSubmissionLineCarriesTheJobId() throws Exception {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"a quiet harbour\",\"width\":64,\"height\":64}}"
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/jobs");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        String jobId = response.jsonPath().getString("jobId");

        JsonNode line = LOG_FILE.await(record -> jobId.equals(record.path("mdc").path("jobId").asText())
                && record.path("message").asText().startsWith("job accepted"));

        assertThat(line.path("message").asText()).isEqualTo("job accepted: type=image-generation tasks=1");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        // The task ID is only on lines about one task of the job.
        assertThat(line.path("mdc").has("taskId")).isFalse();
    }
}

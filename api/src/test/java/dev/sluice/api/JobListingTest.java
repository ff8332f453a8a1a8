package dev.sluice.api;

import static dev.sluice.api.LocalState.OWNER;
import static dev.sluice.api.Problems.assertProblem;
import static dev.sluice.api.Problems.errorFields;
import static dev.sluice.api.TestKeys.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.OwnerJobs;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/jobs: the caller's jobs newest first, paged with an opaque cursor, filtered by status. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class JobListingTest {

    @BeforeEach
    void emptyQueue() {
        LocalState.purgeQueue();
    }

    private static String submit(String prompt) throws InterruptedException {
        // Apart by more than a millisecond, so creation order is the index order.
        Thread.sleep(3);
        Response response = given().contentType(ContentType.JSON)
                .body(("{\"type\":\"image-generation\",\"input\":{\"prompt\":\"" + prompt + "\"}}")
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/jobs");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        return response.jsonPath().getString("jobId");
    }

    private static String otherOwnersJob() {
        return ((JobCreation.Created) LocalState.store().create(new NewJob("someone-else", JobType.IMAGE_GENERATION,
                "{\"prompt\":\"x\",\"width\":64,\"height\":64}", Optional.empty(), "hash"))).job().jobId();
    }

    private static Response list(String query) {
        return given().urlEncodingEnabled(false).when().get("/v1/jobs" + query);
    }

    private static List<String> ids(Response page) {
        return page.jsonPath().getList("jobs.jobId", String.class);
    }

    @Test
    void theNewestJobsComeFirstWithTheirViews() throws InterruptedException {
        String older = submit("older");
        String newer = submit("newer");

        Response page = list("?limit=2");

        assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("application/json");
        assertThat(ids(page)).containsExactly(newer, older);
        assertThat(page.jsonPath().getString("jobs[0].status")).isEqualTo("PENDING");
        assertThat(page.jsonPath().getString("jobs[0].type")).isEqualTo("image-generation");
        assertThat(page.jsonPath().getString("jobs[0].tasks[0].status")).isEqualTo("PENDING");
        assertThat(page.jsonPath().getString("nextCursor")).isNotBlank();
        assertThat(list("").jsonPath().getList("jobs")).as("default limit").hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void pagesFollowTheCursorUntilExhaustedAndNeverShowAnotherOwnersJobs() throws InterruptedException {
        String foreign = otherOwnersJob();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(0, submit("paged " + i));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = list("?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
            assertThat(page.jsonPath().getList("jobs")).hasSizeLessThanOrEqualTo(3);
            seen.addAll(ids(page));
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1_000);

        assertThat(cursor).as("the last page has no cursor").isNull();
        assertThat(seen.subList(0, 5)).containsExactlyElementsOf(mine);
        assertThat(new HashSet<>(seen)).as("no job twice").hasSameSizeAs(seen);
        assertThat(seen).doesNotContain(foreign);
        Set<String> everyLocalJob = new HashSet<>();
        OwnerJobs owners = new OwnerJobs(LocalState.dynamo(), LocalState.resources().table());
        Optional<String> next = Optional.empty();
        do {
            OwnerJobs.Page page = owners.list(OWNER, Optional.empty(), 100, next);
            page.jobs().forEach(job -> everyLocalJob.add(job.jobId()));
            next = page.nextCursor();
        } while (next.isPresent());
        assertThat(new HashSet<>(seen)).isEqualTo(everyLocalJob);
    }

    @Test
    void aStatusFilterListsOnlyJobsInThatStatus() throws InterruptedException {
        String cancelled = submit("to cancel");
        String pending = submit("left pending");
        assertThat(given().when().delete("/v1/jobs/" + cancelled).statusCode()).isEqualTo(202);

        Response page = list("?status=CANCELLED&limit=100");

        assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
        assertThat(ids(page)).contains(cancelled).doesNotContain(pending);
        assertThat(page.jsonPath().getList("jobs.status", String.class)).containsOnly("CANCELLED");
        assertThat(ids(list("?status=PENDING&limit=1"))).containsExactly(pending);
    }

    @Test
    void badParametersAre400ProblemsListingEveryBadOne() {
        for (String limit : List.of("0", "101", "-1", "abc", "1.5", "99999999999")) {
            Response response = list("?limit=" + limit);
            assertProblem(response, 400, "invalid-query-parameter", "/v1/jobs");
            assertThat(errorFields(response)).containsExactly("limit");
        }
        Response status = list("?status=done");
        assertProblem(status, 400, "invalid-query-parameter", "/v1/jobs");
        assertThat(errorFields(status)).containsExactly("status");
        assertThat(errorFields(list("?status=pending&limit=0"))).containsExactly("status", "limit");
        assertThat(list("?limit=1").statusCode()).isEqualTo(200);
        assertThat(list("?limit=100").statusCode()).isEqualTo(200);
        // Empty values mean "not given", as the OpenAPI document (allowEmptyValue) says.
        assertThat(list("?status=&limit=&cursor=").statusCode()).isEqualTo(200);
    }

    @Test
    void aCursorNotIssuedForTheCallerIs400() throws InterruptedException {
        otherOwnersJob();
        otherOwnersJob();
        String othersCursor = new OwnerJobs(LocalState.dynamo(), LocalState.resources().table())
                .list("someone-else", Optional.of(JobStatus.PENDING), 1, Optional.empty()).nextCursor().orElseThrow();
        submit("one");
        submit("two");
        String mine = list("?limit=1").jsonPath().getString("nextCursor");

        for (String bad : List.of(othersCursor, "garbage", mine.substring(0, mine.length() - 3), "%25%25")) {
            Response response = list("?cursor=" + bad);
            assertProblem(response, 400, "invalid-cursor", "/v1/jobs");
            assertThat(response.asString()).doesNotContain("someone-else");
        }
        assertThat(list("?limit=1&cursor=" + mine).statusCode()).isEqualTo(200);
    }
}

package dev.sluice.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** Assertions on RFC 9457 answers. */
public final class Problems {
    public static final String BASE = "https://sluice.dev/problems/";

    private Problems() {
    }

    public static void assertProblem(Response response, int status, String type, String instance) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo(BASE + type);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertThat(response.jsonPath().getString("instance")).isEqualTo(instance);
    }

    public static List<String> errorFields(Response response) {
        List<Map<String, String>> errors = response.jsonPath().getList("errors");
        assertThat(errors).isNotNull().allSatisfy(e -> assertThat(e.get("message")).isNotBlank());
        return errors.stream().map(e -> e.get("field")).toList();
    }
}

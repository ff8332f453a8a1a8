package dev.sluice.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvd25lci0xIn0.c2lnbmF0dXJlX3Zh";
    private static final String API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";

    @Test
    void bearerTokensAreMaskedWithTheirLastFourCharacters() {
        assertThat(Redaction.redact("Authorization: Bearer " + TOKEN)).isEqualTo("Authorization: Bearer ***X3Zh");
        assertThat(Redaction.redact("calling model with bearer " + TOKEN + " now"))
                .isEqualTo("calling model with bearer ***" + TOKEN.substring(TOKEN.length() - 4) + " now")
                .doesNotContain(TOKEN);
        assertThat(Redaction.redact("{\"authorization\":\"Bearer " + TOKEN + "\"}"))
                .isEqualTo("{\"authorization\":\"Bearer ***" + TOKEN.substring(TOKEN.length() - 4) + "\"}");
    }

    @Test
    void otherAuthorizationSchemesAndRawValuesAreMasked() {
        assertThat(Redaction.redact("Authorization: Basic dXNlcjpwYXNzd29yZA==")).isEqualTo("Authorization: Basic ***ZA==");
        assertThat(Redaction.redact("authorization=abc123def")).isEqualTo("authorization=***");
        assertThat(Redaction.redact("headers {Authorization=[Bearer " + TOKEN + "], Accept=[*/*]}"))
                .doesNotContain(TOKEN).contains("Accept=[*/*]");
    }

    @Test
    void shortBearerLikeWordsInProseAreLeftAlone() {
        assertThat(Redaction.redact("the bearer token was missing")).isEqualTo("the bearer token was missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "X-Api-Key: slk_0123456789abcdefXYZ1                | X-Api-Key: ***XYZ1",
            "x-api-key=[abc123]                                 | x-api-key=[***]",
            "{\"apiKey\":\"0123456789abcdef0123\",\"n\":1}      | {\"apiKey\":\"***0123\",\"n\":1}",
            "{\"api_key\": \"short\"}                            | {\"api_key\": \"***\"}",
            "api-key=0123456789abcdef0123&x=1                   | api-key=***0123&x=1",
            "Config[password=hunter2hunter2, port=5432]         | Config[password=***, port=5432]",
            "client_secret=abcdefghijklmnopqrstuvwxyz           | client_secret=***wxyz",
            "X-Amz-Signature=0123456789abcdef0123456789abcdef&  | X-Amz-Signature=***cdef&",
            "{\\\"apiKey\\\":\\\"0123456789abcdefWXYZ\\\"}      | {\\\"apiKey\\\":\\\"***WXYZ\\\"}",
            "token=abcdefghijklmnopqrstuvwxyz                   | token=***wxyz"})
    void secretFieldsAreMasked(String input, String expected) {
        assertThat(Redaction.redact(input)).isEqualTo(expected);
    }

    @Test
    void apiKeyShapedTokensAreMaskedAnywhere() {
        assertThat(Redaction.redact("rejected key " + API_KEY + " for owner-1"))
                .isEqualTo("rejected key sk_live_***p7dc for owner-1");
        assertThat(Redaction.redact("key slk_ABCDEFGHIJKLMNOP3210.")).isEqualTo("key slk_***3210.");
        assertThat(Redaction.redact("{\"key\":\"" + API_KEY + "\"}")).isEqualTo("{\"key\":\"sk_live_***p7dc\"}");
    }

    @Test
    void shortOrEmbeddedSkPrefixesAreNotKeys() {
        assertThat(Redaction.redact("sk_live_abc")).isEqualTo("sk_live_abc");
        assertThat(Redaction.redact("task_0123456789abcdefghij and desk_0123456789abcdefghij"))
                .isEqualTo("task_0123456789abcdefghij and desk_0123456789abcdefghij");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "call +15551234567 now               | call +***4567 now",
            "call +1 555 123 4567 now            | call +***4567 now",
            "call +44 20-7946-0958.              | call +***0958.",
            "call +1 (555) 123-4567              | call +***4567",
            "to=+33612345678                     | to=+***5678",
            "(+4915112345678)                    | (+***5678)",
            "{\"phoneNumber\":\"0044 20 7946 0958\"} | {\"phoneNumber\":\"***0958\"}",
            "phone=555 0199 attempt=2            | phone=***99 attempt=2",
            "Contact[phone_number=07700900123]   | Contact[phone_number=***0123]",
            "{\"mobile\": \"+32 470 12 34 56\"}   | {\"mobile\": \"+***3456\"}"})
    void phoneNumbersAreMaskedToTheirLastFourDigits(String input, String expected) {
        assertThat(Redaction.redact(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vehicle 1HGCM82633A004352 seen        | vehicle ***4352 seen",
            "VIN:WVWZZZ1JZXW000001,                | VIN:***0001,",
            "{\"vin\":\"1hgcm82633a004352\"}        | {\"vin\":\"***4352\"}",
            "[JH4KA7561PC008269]                   | [***8269]"})
    void vinsAreMasked(String input, String expected) {
        assertThat(Redaction.redact(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"licencePlate\":\"AB12 CDE\"}         | {\"licencePlate\":\"***DE\"}",
            "{\"licensePlate\": \"7ABC123\"}          | {\"licensePlate\": \"***23\"}",
            "plate=KA01AB1234 frame=12                | plate=***34 frame=12",
            "Detection[plate=B-MW 1234, score=0.97]   | Detection[plate=***34, score=0.97]",
            "registration: \"LN51 XYZ\"               | registration: \"***YZ\"",
            "{\"plate\":\"ABC\"}                      | {\"plate\":\"***\"}"})
    void plateFieldsAreMasked(String input, String expected) {
        assertThat(Redaction.redact(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "3f2a8c1e-9b7d-4e2a-8f1c-0a1b2c3d4e5f",
            "task 3f2a8c1e-9b7d-4e2a-8f1c-0a1b2c3d4e5f-0 finished outcome=Completed",
            "3F2A8C1E-9B7D-4E2A-8F1C-0A1B2C3D4E5F-12",
            "outputs/owner-1/3f2a8c1e-9b7d-4e2a-8f1c-0a1b2c3d4e5f/3f2a8c1e-9b7d-4e2a-8f1c-0a1b2c3d4e5f-0.png",
            "deleted upload uploads/owner-1/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/clip_2024.mp4 since 2026-05-20T07:56:12.345Z",
            "at 2026-05-20T07:56:12+02:00 and 2026-05-20T07:56:12.123456789-05:00 and 20260520T075612+0200",
            "lease (fencing token 1716200000123) expired at 2026-05-20T07:56:12Z; attempt=3 fencingToken=1716200000123",
            "took PT1M30.5S (90500 ms), maxTaskDuration=12s leaseTtl=PT30S drainTimeout=2s",
            "count 123456789012345 and 1.5E+10 and 3+4 = 7",
            "arn:aws:sqs:eu-west-1:123456789012:sluice-tasks-dlq",
            "traceId=4bf92f3577b34da6a3ce929d0e0e4736 spanId=00f067aa0ba902b7",
            "workerId=sluice-worker-7d9f8b6c4-x2k9p",
            "receipt AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a+12345678/abcDEF==",
            "DynamoDbException: The conditional request failed (Service: DynamoDb, Status Code: 400, Request ID: KJ3FQ8O0PL2MNB7VCX4ZAS1DFG5HJKL6QWERTYUIOP9ASDFGHJKL)",
            "S3 request id 4KV4K2Q8G3JXH1ZP, state RUN_TIME_EXCEEDED, key=outputs/o/j/j-0.json",
            "model circuit breaker dev.sluice.worker.model.ModelEndpoint/invoke is OPEN",
            "secretName=prod/sluice template=default fencingToken=42 bearer=",
            ""})
    void identifiersTimesAndNumbersAreLeftAlone(String text) {
        assertThat(Redaction.redact(text)).isEqualTo(text);
    }

    @Test
    void nullStaysNull() {
        assertThat(Redaction.redact((String) null)).isNull();
    }

    @Test
    void maskingIsIdempotent() {
        String line = "Authorization: Bearer " + TOKEN + " X-Api-Key: " + API_KEY + " phone +15551234567 vin 1HGCM82633A004352"
                + " {\"licencePlate\":\"AB12 CDE\",\"phoneNumber\":\"+44 20 7946 0958\"}";
        String once = Redaction.redact(line);

        assertThat(Redaction.redact(once)).isEqualTo(once);
        assertThat(once).doesNotContain(TOKEN, API_KEY, "15551234567", "1HGCM82633A004352", "AB12 CDE", "7946 0958");
    }

    @Test
    void aThrowableIsKeptWhenItsMessagesAreClean() {
        IllegalStateException clean = new IllegalStateException("job 3f2a8c1e-9b7d-4e2a-8f1c-0a1b2c3d4e5f vanished");

        assertThat(Redaction.redact(clean)).isSameAs(clean);
        assertThat(Redaction.redact((Throwable) null)).isNull();
    }

    @Test
    void aThrowableChainWithSecretsIsCopiedWithMaskedMessagesAndTheSameStackTrace() {
        IOException cause = new IOException("401 for X-Api-Key: " + API_KEY);
        RuntimeException thrown = new UncheckedIOException("model call failed for +15551234567", cause);

        Throwable redacted = Redaction.redact(thrown);

        assertThat(redacted).isNotSameAs(thrown);
        assertThat(redacted.toString()).isEqualTo("java.io.UncheckedIOException: model call failed for +***4567");
        assertThat(redacted.getStackTrace()).isEqualTo(thrown.getStackTrace());
        assertThat(redacted.getCause().toString()).isEqualTo("java.io.IOException: 401 for X-Api-Key: ***p7dc");
        StringWriter printed = new StringWriter();
        redacted.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain(API_KEY, "15551234567").contains("Caused by: java.io.IOException");
    }

    @Test
    void aLongLineIsRedactedQuickly() {
        String chunk = "task 3f2a8c1e-9b7d-4e2a-8f1c-0a1b2c3d4e5f-0 attempt=2 fencingToken=17 at 2026-05-20T07:56:12Z; ";
        String line = chunk.repeat(200) + "phone +15551234567";
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertThat(Redaction.redact(line)).endsWith("phone +***4567");
        }
        // 50 lines of 20 KB: a generous bound that only catastrophic backtracking would break.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }
}

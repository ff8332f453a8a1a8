package dev.sluice.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.job.JobType;
import dev.sluice.core.job.TaskRef;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TaskMessageCodecTest {

    @Test
    void roundTrips() {
        TaskMessage message = TaskMessage.of(TaskRef.of("job-1", 0), JobType.VIDEO_ANALYSIS, "owner",
                Instant.parse("2026-05-01T10:15:30.123Z"));

        String body = TaskMessageCodec.encode(message);

        assertThat(body).contains("\"type\":\"video-analysis\"").contains("\"v\":1");
        assertThat(TaskMessageCodec.decode(body)).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "[]", "{}",
            "{\"v\":2,\"jobId\":\"j\",\"taskId\":\"t\",\"type\":\"image-generation\",\"ownerId\":\"o\",\"enqueuedAt\":\"2026-01-01T00:00:00Z\"}",
            "{\"v\":1,\"jobId\":\"j\",\"taskId\":\"t\",\"type\":\"sorcery\",\"ownerId\":\"o\",\"enqueuedAt\":\"2026-01-01T00:00:00Z\"}",
            "{\"v\":1,\"jobId\":\"j\",\"type\":\"image-generation\",\"ownerId\":\"o\",\"enqueuedAt\":\"2026-01-01T00:00:00Z\"}",
            "{\"v\":1,\"jobId\":\"j\",\"taskId\":\"t\",\"type\":\"image-generation\",\"ownerId\":\"o\",\"enqueuedAt\":\"yesterday\"}"
    })
    void poisonBodiesAreRejected(String body) {
        assertThatThrownBy(() -> TaskMessageCodec.decode(body)).isInstanceOf(MalformedMessageException.class);
    }
}

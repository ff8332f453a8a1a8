package dev.sluice.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.modelsim.InvocationRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditAnalysisTest {
    private static final long S = 1_000_000_000L;

    private static InvocationRecord call(String task, long token, String caller, long start, long end) {
        return new InvocationRecord(0, "e", task, token, caller, null, start, end, 0, 200, "ok", false);
    }

    @Test
    void overlapsAreExcusedOnlyForHoldersThatCouldNotHeartbeat() {
        Timeline timeline = new Timeline();
        timeline.kill(new Timeline.Kill("w-killed", 1, 10 * S, 10));
        timeline.pause(new Timeline.Pause("w-paused", 2, 20 * S, 30 * S, java.util.Map.of("t2", 1L), 20));

        AuditAnalysis analysis = AuditAnalysis.of(List.of(
                call("t1", 1, "w-killed", 9 * S, 14 * S), call("t1", 2, "w-b", 13 * S, 15 * S),
                call("t2", 1, "w-paused", 19 * S, 25 * S), call("t2", 2, "w-b", 24 * S, 26 * S),
                call("t3", 1, "w-live", 40 * S, 45 * S), call("t3", 2, "w-b", 44 * S, 46 * S),
                call("t4", 1, "w-a", 50 * S, 52 * S), call("t4", 2, "w-b", 52 * S, 54 * S),
                // acquired just before the SIGSTOP, called the model right after the SIGCONT
                call("t5", 1, "w-paused", 31 * S, 33 * S), call("t5", 2, "w-b", 29 * S, 32 * S)),
                timeline, Duration.ofSeconds(3));

        assertThat(analysis.overlaps()).isEqualTo(4);
        assertThat(analysis.staleKilled()).isEqualTo(1);
        assertThat(analysis.stalePaused()).isEqualTo(2);
        assertThat(analysis.staleStartedAfterResume()).isEqualTo(1);
        assertThat(analysis.violations()).isEqualTo(1);
        assertThat(analysis.violationExamples()).singleElement()
                .satisfies(o -> assertThat(o.olderCaller()).isEqualTo("w-live"));
    }
}

package dev.sluice.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosOptionsTest {

    @Test
    void parsesTheDocumentedCommandLine() {
        ChaosOptions options = ChaosOptions.parse(new String[] {"--tasks", "1000", "--workers", "3", "--kill-every", "5",
                "--pause-one", "--outage", "10", "--outage-target", "sqs,dynamodb", "--poison", "20", "--seed", "7",
                "--lease-ttl", "3", "--model-latency", "uniform:1500-4000", "--transient-rate", "0.05",
                "--timeout", "1200"});

        assertThat(options.tasks()).isEqualTo(1000);
        assertThat(options.killEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.pauseOne()).isTrue();
        assertThat(options.outageTargets()).containsExactly(OutageTarget.SQS, OutageTarget.DYNAMODB);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(1200));
    }

    @Test
    void refusesWhatCannotBeRun() {
        for (List<String> bad : List.of(List.of("--tasks", "x"), List.of("--tasks"), List.of("--bogus"),
                List.of("--poison", "5", "--tasks", "4"), List.of("--outage-target", "s3"),
                List.of("--pause-one", "--pause-for", "3"), List.of("--transient-rate", "2"),
                List.of("--model-latency", "soon"))) {
            assertThatThrownBy(() -> ChaosOptions.parse(bad.toArray(String[]::new)))
                    .as(bad.toString()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theSeedDecidesThePlan() {
        String[] args = {"--tasks", "50", "--poison", "6", "--seed", "11", "--kill-every", "5"};
        Scenario a = Scenario.from(ChaosOptions.parse(args));
        Scenario b = Scenario.from(ChaosOptions.parse(args));

        assertThat(a.tasks()).isEqualTo(b.tasks());
        assertThat(a.count(TaskKind.POISON_PERMANENT)).isEqualTo(3);
        assertThat(a.count(TaskKind.POISON_TRANSIENT)).isEqualTo(3);
        assertThat(a.kills().nextDelay()).isEqualTo(b.kills().nextDelay())
                .isBetween(Duration.ofMillis(2500), Duration.ofMillis(7500));
    }
}

package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
            "30, 30000",
            "30s, 30000",
            "2m, 120000",
            "1h, 3600000",
            "1d, 86400000",
            "250ms, 250",
            "PT30S, 30000",
            "pt1m30s, 90000",
            "P1DT1S, 86401000",
            "1h30m, 5400000",
            "1.5s, 1500",
    })
    void readsQuarkusDurations(String text, long millis) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "thirty", "30 s", "-5s", "1.5m", "30x"})
    void rejectsWhatQuarkusWouldReject(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}

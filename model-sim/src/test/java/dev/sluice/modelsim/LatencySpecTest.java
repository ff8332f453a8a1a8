package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySpecTest {

    @Test
    void parsesEveryForm() {
        assertThat(LatencySpec.parse("none")).isEqualTo(new LatencySpec.Fixed(0));
        assertThat(LatencySpec.parse("150")).isEqualTo(new LatencySpec.Fixed(150));
        assertThat(LatencySpec.parse("fixed:150")).isEqualTo(new LatencySpec.Fixed(150));
        assertThat(LatencySpec.parse("uniform:200-800")).isEqualTo(new LatencySpec.Uniform(200, 800));
        assertThat(LatencySpec.parse("normal:300,50")).isEqualTo(new LatencySpec.Normal(300, 50));
        assertThat(LatencySpec.parse("LogNormal:300, 100.5")).isEqualTo(new LatencySpec.LogNormal(300, 100.5));
    }

    @Test
    void describeRoundTrips() {
        for (String text : new String[] {"none", "fixed:5", "uniform:1-9", "normal:300,50", "lognormal:300,100.5"}) {
            assertThat(LatencySpec.parse(text).describe()).isEqualTo(text);
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> LatencySpec.parse("uniform:800-200")).hasMessageContaining("minMs <= maxMs");
        assertThatThrownBy(() -> LatencySpec.parse("uniform:800")).hasMessageContaining("MIN-MAX");
        assertThatThrownBy(() -> LatencySpec.parse("gamma:1,2")).hasMessageContaining("unknown latency type");
        assertThatThrownBy(() -> LatencySpec.parse("fixed:-1")).hasMessageContaining("0..");
        assertThatThrownBy(() -> LatencySpec.parse("normal:abc,1")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> LatencySpec.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameSeedGivesSameSequence() {
        LatencySpec spec = new LatencySpec.LogNormal(300, 100);

        assertThat(samples(spec, new Random(7), 20)).containsExactly(samples(spec, new Random(7), 20));
    }

    @Test
    void lognormalHasTheRequestedMean() {
        long[] samples = samples(new LatencySpec.LogNormal(300, 100), new Random(1), 20_000);

        assertThat(LongStream.of(samples).average().orElseThrow()).isBetween(285.0, 315.0);
        assertThat(LongStream.of(samples).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void normalIsClampedAtZero() {
        long[] samples = samples(new LatencySpec.Normal(10, 100), new Random(1), 5_000);

        assertThat(LongStream.of(samples).min().orElseThrow()).isZero();
    }

    private static long[] samples(LatencySpec spec, Random random, int n) {
        return LongStream.range(0, n).map(i -> spec.sampleMillis(random)).toArray();
    }
}

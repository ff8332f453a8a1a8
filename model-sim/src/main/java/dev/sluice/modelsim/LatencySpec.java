package dev.sluice.modelsim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Locale;
import java.util.Random;

/**
 * How long a simulated invocation takes, in milliseconds.
 *
 * <p>Text form (CLI and environment): {@code none}, {@code fixed:100} (or just {@code 100}),
 * {@code uniform:200-800}, {@code normal:300,50} and {@code lognormal:300,100} (mean,stddev).
 * JSON form: {@code {"type":"uniform","minMs":200,"maxMs":800}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LatencySpec.Fixed.class, name = "fixed"),
    @JsonSubTypes.Type(value = LatencySpec.Uniform.class, name = "uniform"),
    @JsonSubTypes.Type(value = LatencySpec.Normal.class, name = "normal"),
    @JsonSubTypes.Type(value = LatencySpec.LogNormal.class, name = "lognormal")
})
public sealed interface LatencySpec {

    /** Upper bound of any sample: a typo in a stddev must not park a worker thread for hours. */
    long MAX_MILLIS = 600_000;

    /** Draws one latency; never negative, never above {@link #MAX_MILLIS}. */
    long sampleMillis(Random random);

    /** Text form, accepted back by {@link #parse(String)}. */
    String describe();

    static LatencySpec none() {
        return new Fixed(0);
    }

    record Fixed(long ms) implements LatencySpec {
        public Fixed {
            requireRange("ms", ms);
        }

        @Override
        public long sampleMillis(Random random) {
            return ms;
        }

        @Override
        public String describe() {
            return ms == 0 ? "none" : "fixed:" + ms;
        }
    }

    record Uniform(long minMs, long maxMs) implements LatencySpec {
        public Uniform {
            requireRange("minMs", minMs);
            requireRange("maxMs", maxMs);
            if (maxMs < minMs) {
                throw new IllegalArgumentException("uniform latency needs minMs <= maxMs, got " + minMs + "-" + maxMs);
            }
        }

        @Override
        public long sampleMillis(Random random) {
            return minMs + (long) Math.floor(random.nextDouble() * (maxMs - minMs + 1));
        }

        @Override
        public String describe() {
            return "uniform:" + minMs + "-" + maxMs;
        }
    }

    /** Normal distribution, clamped at zero. */
    record Normal(double meanMs, double stddevMs) implements LatencySpec {
        public Normal {
            requireMeanStddev(meanMs, stddevMs);
        }

        @Override
        public long sampleMillis(Random random) {
            return clamp(meanMs + stddevMs * random.nextGaussian());
        }

        @Override
        public String describe() {
            return "normal:" + number(meanMs) + "," + number(stddevMs);
        }
    }

    /**
     * Log-normal distribution given by the mean and standard deviation of the latency itself
     * (not of its logarithm), because that is what one reads off a latency dashboard. Its long
     * right tail is what real model endpoints look like.
     */
    record LogNormal(double meanMs, double stddevMs) implements LatencySpec {
        public LogNormal {
            requireMeanStddev(meanMs, stddevMs);
            if (meanMs <= 0) {
                throw new IllegalArgumentException("lognormal latency needs a mean > 0");
            }
        }

        @Override
        public long sampleMillis(Random random) {
            double sigma2 = Math.log(1 + (stddevMs * stddevMs) / (meanMs * meanMs));
            double mu = Math.log(meanMs) - sigma2 / 2;
            return clamp(Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian()));
        }

        @Override
        public String describe() {
            return "lognormal:" + number(meanMs) + "," + number(stddevMs);
        }
    }

    /** Parses the text form; throws {@link IllegalArgumentException} with a readable message. */
    public static LatencySpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty latency");
        }
        String spec = text.trim().toLowerCase(Locale.ROOT);
        if (spec.equals("none") || spec.equals("0")) {
            return none();
        }
        int colon = spec.indexOf(':');
        String type = colon < 0 ? "fixed" : spec.substring(0, colon);
        String args = colon < 0 ? spec : spec.substring(colon + 1);
        try {
            return switch (type) {
                case "fixed" -> new Fixed(Long.parseLong(args.trim()));
                case "uniform" -> {
                    String[] bounds = args.split("-", -1);
                    if (bounds.length != 2) {
                        throw new IllegalArgumentException("uniform latency is uniform:MIN-MAX, got '" + text + "'");
                    }
                    yield new Uniform(Long.parseLong(bounds[0].trim()), Long.parseLong(bounds[1].trim()));
                }
                case "normal", "lognormal" -> {
                    String[] parts = args.split(",", -1);
                    if (parts.length != 2) {
                        throw new IllegalArgumentException(type + " latency is " + type + ":MEAN,STDDEV, got '" + text + "'");
                    }
                    double mean = Double.parseDouble(parts[0].trim());
                    double stddev = Double.parseDouble(parts[1].trim());
                    yield type.equals("normal") ? new Normal(mean, stddev) : new LogNormal(mean, stddev);
                }
                default -> throw new IllegalArgumentException(
                        "unknown latency type '" + type + "' (none, fixed, uniform, normal, lognormal)");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in latency '" + text + "'");
        }
    }

    private static void requireRange(String name, long ms) {
        if (ms < 0 || ms > MAX_MILLIS) {
            throw new IllegalArgumentException("latency " + name + " must be within 0.." + MAX_MILLIS + " ms, got " + ms);
        }
    }

    private static void requireMeanStddev(double mean, double stddev) {
        if (!(mean >= 0 && mean <= MAX_MILLIS) || !(stddev >= 0 && stddev <= MAX_MILLIS)) {
            throw new IllegalArgumentException(
                    "latency mean and stddev must be within 0.." + MAX_MILLIS + " ms, got " + mean + "," + stddev);
        }
    }

    private static long clamp(double ms) {
        return Math.max(0, Math.min(MAX_MILLIS, Math.round(ms)));
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}

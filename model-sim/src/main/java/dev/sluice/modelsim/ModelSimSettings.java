package dev.sluice.modelsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link ModelSim#start(ModelSimSettings)} needs. Start from {@link #defaults()} and
 * change what matters with the {@code with...} methods.
 *
 * @param bindAddress    interface to listen on; defaults to loopback ({@link ModelSimMain} uses all)
 * @param port           TCP port, 0 for any free one
 * @param latency        initial latency distribution
 * @param failureRates   initial random failure rates
 * @param seed           seed of the random generator for latency and failures, null for a random one;
 *                       the sequence is reproducible for invocations made one after another
 * @param faults         initial fault rules, tried in order
 * @param maxConcurrency invocations served at once; more wait in a queue, as on a saturated endpoint
 * @param auditCapacity  invocation records kept (the oldest are dropped)
 * @param s3             where video analysis reads its input, unless {@code videoSource} is given
 * @param videoSource    reads videos instead of S3 (tests), or null to use {@code s3}
 */
public record ModelSimSettings(
        String bindAddress,
        int port,
        LatencySpec latency,
        FailureRates failureRates,
        Long seed,
        List<FaultRule> faults,
        int maxConcurrency,
        int auditCapacity,
        S3Settings s3,
        VideoSource videoSource) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_MAX_CONCURRENCY = 200;
    public static final int DEFAULT_AUDIT_CAPACITY = 100_000;

    public ModelSimSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(failureRates, "failureRates");
        Objects.requireNonNull(s3, "s3");
        faults = List.copyOf(faults);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535, got " + port);
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1, got " + maxConcurrency);
        }
        if (auditCapacity < 1) {
            throw new IllegalArgumentException("auditCapacity must be >= 1, got " + auditCapacity);
        }
    }

    /** Loopback, a free port, no latency, no failures, random seed, S3 from the process environment. */
    public static ModelSimSettings defaults() {
        return new ModelSimSettings(LOOPBACK, 0, LatencySpec.none(), FailureRates.none(), null, List.of(),
                DEFAULT_MAX_CONCURRENCY, DEFAULT_AUDIT_CAPACITY, S3Settings.fromEnvironment(), null);
    }

    public ModelSimSettings withBindAddress(String value) {
        return new ModelSimSettings(value, port, latency, failureRates, seed, faults, maxConcurrency, auditCapacity,
                s3, videoSource);
    }

    public ModelSimSettings withPort(int value) {
        return new ModelSimSettings(bindAddress, value, latency, failureRates, seed, faults, maxConcurrency,
                auditCapacity, s3, videoSource);
    }

    public ModelSimSettings withLatency(LatencySpec value) {
        return new ModelSimSettings(bindAddress, port, value, failureRates, seed, faults, maxConcurrency,
                auditCapacity, s3, videoSource);
    }

    public ModelSimSettings withFailureRates(FailureRates value) {
        return new ModelSimSettings(bindAddress, port, latency, value, seed, faults, maxConcurrency, auditCapacity,
                s3, videoSource);
    }

    public ModelSimSettings withSeed(Long value) {
        return new ModelSimSettings(bindAddress, port, latency, failureRates, value, faults, maxConcurrency,
                auditCapacity, s3, videoSource);
    }

    /** Replaces the fault rules. */
    public ModelSimSettings withFaults(List<FaultRule> value) {
        return new ModelSimSettings(bindAddress, port, latency, failureRates, seed, value, maxConcurrency,
                auditCapacity, s3, videoSource);
    }

    /** Adds one fault rule after the others. */
    public ModelSimSettings withFault(FaultRule rule) {
        List<FaultRule> all = new ArrayList<>(faults);
        all.add(rule);
        return withFaults(all);
    }

    public ModelSimSettings withMaxConcurrency(int value) {
        return new ModelSimSettings(bindAddress, port, latency, failureRates, seed, faults, value, auditCapacity,
                s3, videoSource);
    }

    public ModelSimSettings withAuditCapacity(int value) {
        return new ModelSimSettings(bindAddress, port, latency, failureRates, seed, faults, maxConcurrency, value,
                s3, videoSource);
    }

    public ModelSimSettings withS3(S3Settings value) {
        return new ModelSimSettings(bindAddress, port, latency, failureRates, seed, faults, maxConcurrency,
                auditCapacity, value, videoSource);
    }

    public ModelSimSettings withVideoSource(VideoSource value) {
        return new ModelSimSettings(bindAddress, port, latency, failureRates, seed, faults, maxConcurrency,
                auditCapacity, s3, value);
    }

    SimConfig simConfig() {
        return new SimConfig(latency, failureRates);
    }
}

package dev.sluice.bench.startup;

import dev.sluice.bench.stack.BenchStack;
import java.util.List;

/** The JVM options an app is started with, and what the report calls them. */
public record JvmFlags(String label, List<String> options) {
    /** What every other scenario uses: small heap, C1 only, serial GC. */
    public static final JvmFlags BENCH = new JvmFlags(String.join(" ", BenchStack.JVM_OPTIONS), BenchStack.JVM_OPTIONS);
    /** None: the JVM's ergonomics choose the GC and the heap from the machine's CPUs and memory. */
    public static final JvmFlags DEFAULTS = new JvmFlags("JVM defaults", List.of());
}

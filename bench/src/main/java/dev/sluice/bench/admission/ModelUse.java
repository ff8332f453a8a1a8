package dev.sluice.bench.admission;

import dev.sluice.modelsim.InvocationRecord;
import java.util.List;

/**
 * What a level asked of the model, from the simulator's own audit: how many invocations, and how long
 * it spent in inference (its simulated latency) summed over them.
 */
record ModelUse(int calls, long busyMillis) {

    static ModelUse of(List<InvocationRecord> records) {
        return new ModelUse(records.size(), records.stream().mapToLong(InvocationRecord::simulatedLatencyMillis).sum());
    }

    /**
     * The share of the model's capacity spent in inference over {@code nanos}: near 100% means the model
     * bounded the level; well below, something in front of it did.
     */
    double busyPercent(int capacity, long nanos) {
        return nanos <= 0 ? Double.NaN : 100.0 * busyMillis / (capacity * (nanos / 1e6));
    }
}

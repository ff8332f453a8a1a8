package dev.sluice.worker.queue;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.util.function.Supplier;

/**
 * Backpressure from the model endpoint: how many messages the poller may ask for, given the circuit
 * breaker. While it is open nothing is received, so tasks wait in the queue instead of each burning a
 * receive (and a lease attempt) on a call that cannot be made. While it is half-open a single probe
 * task runs, and only when nothing else is running, because the breaker admits only so many probes
 * and any other call would be refused and bounced back to the queue.
 */
public final class ReceiveGate {
    /** SQS returns at most 10 messages per receive. */
    static final int MAX_PER_RECEIVE = 10;

    private final Supplier<CircuitBreakerState> circuit;
    private final Slots slots;

    public ReceiveGate(Supplier<CircuitBreakerState> circuit, Slots slots) {
        this.circuit = circuit;
        this.slots = slots;
    }

    /** Zero means: do not receive now. */
    public int maxToReceive() {
        CircuitBreakerState state = circuit.get();
        if (state == CircuitBreakerState.OPEN) {
            return 0;
        }
        if (state == CircuitBreakerState.HALF_OPEN) {
            return slots.free() == slots.capacity() ? 1 : 0;
        }
        return MAX_PER_RECEIVE;
    }
}

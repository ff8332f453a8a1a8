package dev.sluice.worker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReceiveGateTest {
    private final AtomicReference<CircuitBreakerState> state = new AtomicReference<>(CircuitBreakerState.CLOSED);
    private final Slots slots = new Slots(4);
    private final ReceiveGate gate = new ReceiveGate(state::get, slots);

    @Test
    void closedReceivesAsMuchAsSqsAllows() {
        assertThat(gate.maxToReceive()).isEqualTo(10);
    }

    @Test
    void openReceivesNothing() {
        state.set(CircuitBreakerState.OPEN);

        assertThat(gate.maxToReceive()).isZero();
    }

    @Test
    void halfOpenReceivesOneProbeAndOnlyWhenNothingRuns() throws InterruptedException {
        state.set(CircuitBreakerState.HALF_OPEN);
        assertThat(gate.maxToReceive()).isEqualTo(1);

        slots.takeUpTo(1, 10);

        assertThat(gate.maxToReceive()).isZero();
    }
}

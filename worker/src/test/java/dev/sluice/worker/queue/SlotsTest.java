package dev.sluice.worker.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlotsTest {

    @Test
    void takesOnlyFreeSlotsAndNeverMoreThanAsked() throws InterruptedException {
        Slots slots = new Slots(4);

        assertThat(slots.takeUpTo(10, 10)).isEqualTo(4);
        assertThat(slots.takeUpTo(10, 10)).isZero();
        slots.release(1);
        assertThat(slots.takeUpTo(10, 10)).isEqualTo(1);
        slots.release(4);
        assertThat(slots.takeUpTo(2, 10)).isEqualTo(2);
        assertThat(slots.free()).isEqualTo(2);
    }

    @Test
    void concurrencyMustBePositive() {
        assertThatThrownBy(() -> new Slots(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

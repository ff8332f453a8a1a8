package dev.sluice.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void theFirstReasonWins() {
        Cancellation cancellation = Cancellation.forCurrentThread();

        cancellation.cancel(new CancelReason.RunTimeExceeded(Duration.ofHours(2)));
        cancellation.cancel(new CancelReason.LeaseLost("late"));

        assertThat(cancellation.reason()).containsInstanceOf(CancelReason.RunTimeExceeded.class);
        assertThat(cancellation.leaseLost()).isFalse();
    }

    @Test
    void outsideTheInterruptibleCallNoInterruptIsSent() {
        Cancellation cancellation = Cancellation.forCurrentThread();

        cancellation.cancel(new CancelReason.ShuttingDown());

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void aCancellationDuringTheCallInterruptsAndAbortsItAndLeavesNoInterruptBehind() throws Exception {
        Cancellation cancellation = Cancellation.forCurrentThread();
        AtomicInteger aborts = new AtomicInteger();
        CountDownLatch inCall = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            try {
                inCall.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            cancellation.cancel(new CancelReason.LeaseLost("taken over"));
        });
        canceller.start();

        boolean interrupted = cancellation.interruptibly(aborts::incrementAndGet, () -> {
            inCall.countDown();
            try {
                Thread.sleep(10_000);
                return false;
            } catch (InterruptedException e) {
                return true;
            }
        });

        assertThat(interrupted).isTrue();
        assertThat(aborts).hasValue(1);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(cancellation.leaseLost()).isTrue();
        canceller.join();
    }

    @Test
    void aClosedCancellationIgnoresLateCancels() {
        Cancellation cancellation = Cancellation.forCurrentThread();
        cancellation.close();

        cancellation.cancel(new CancelReason.ShuttingDown());

        assertThat(cancellation.isCancelled()).isFalse();
    }
}

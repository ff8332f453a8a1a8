package dev.sluice.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightTasksTest {

    @Test
    void cancelAllReachesRunningTasksAndThoseThatStartAfterwards() {
        InFlightTasks tasks = new InFlightTasks();
        Cancellation running = Cancellation.forCurrentThread();
        tasks.add(running);

        assertThat(tasks.cancelAll(new CancelReason.ShuttingDown())).isEqualTo(1);
        Cancellation late = Cancellation.forCurrentThread();
        tasks.add(late);

        assertThat(running.reason()).containsInstanceOf(CancelReason.ShuttingDown.class);
        assertThat(late.reason()).containsInstanceOf(CancelReason.ShuttingDown.class);
    }
}

package dev.sluice.worker.task;

import java.util.Optional;

/**
 * Stops one task's work when its lease is lost. The flag is checked before every write; the
 * interrupt cuts short a blocking model call where the HTTP client allows it. Once the task is
 * {@link #close() closed} no interrupt can reach its thread, which by then runs another task.
 */
public final class Cancellation implements AutoCloseable {
    private final Thread worker;
    private volatile String reason;
    private boolean closed;

    public Cancellation(Thread worker) {
        this.worker = worker;
    }

    public static Cancellation forCurrentThread() {
        return new Cancellation(Thread.currentThread());
    }

    public synchronized void cancel(String why) {
        if (reason != null) {
            return;
        }
        reason = why;
        if (!closed) {
            worker.interrupt();
        }
    }

    public boolean isCancelled() {
        return reason != null;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** Ends the task's exposure to interrupts and clears one that arrived but was not consumed. */
    @Override
    public synchronized void close() {
        closed = true;
        if (Thread.currentThread() == worker) {
            Thread.interrupted();
        }
    }
}

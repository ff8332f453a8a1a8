package dev.sluice.worker.task;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells one task to stop. The reason is a flag the task checks before every write; the first reason
 * wins. Only the blocking model call is cut short: while it runs (see {@link #interruptibly}) a
 * cancellation interrupts the task thread and aborts the call's HTTP request, because a blocking
 * socket read ignores interrupts. Outside that window no interrupt is sent, so the DynamoDB, S3 and
 * SQS writes that end the task (a failure, a release) are never aborted half-way by the SDK.
 */
public final class Cancellation implements AutoCloseable {
    private final Thread worker;
    private volatile CancelReason reason;
    private Runnable abortCall;
    private boolean closed;

    public Cancellation(Thread worker) {
        this.worker = worker;
    }

    public static Cancellation forCurrentThread() {
        return new Cancellation(Thread.currentThread());
    }

    public synchronized void cancel(CancelReason why) {
        if (reason != null || closed) {
            return;
        }
        reason = why;
        if (abortCall != null) {
            worker.interrupt();
            abortCall.run();
        }
    }

    public boolean isCancelled() {
        return reason != null;
    }

    public Optional<CancelReason> reason() {
        return Optional.ofNullable(reason);
    }

    /** True only when the lease was lost: then not even a failure or a release may be written. */
    public boolean leaseLost() {
        return reason instanceof CancelReason.LeaseLost;
    }

    /**
     * True when nothing more may be written for the task: its lease was lost, or its job was cancelled
     * (then not even a model result in hand is committed).
     */
    public boolean writesForbidden() {
        return reason instanceof CancelReason.LeaseLost || reason instanceof CancelReason.JobCancelled;
    }

    /**
     * Runs a blocking call on the task thread that a cancellation may cut short with an interrupt and
     * {@code abort}. An interrupt that arrives but is not consumed is cleared afterwards.
     */
    public <T> T interruptibly(Runnable abort, Supplier<T> call) {
        synchronized (this) {
            abortCall = abort;
        }
        try {
            return call.get();
        } finally {
            synchronized (this) {
                abortCall = null;
                if (Thread.currentThread() == worker) {
                    Thread.interrupted();
                }
            }
        }
    }

    /** Ends the task's exposure to cancellation: its thread soon runs another task. */
    @Override
    public synchronized void close() {
        closed = true;
        abortCall = null;
    }
}

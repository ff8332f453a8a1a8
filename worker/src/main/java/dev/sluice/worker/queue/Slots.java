package dev.sluice.worker.queue;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounded concurrency. Slots are taken before asking SQS for messages, so the worker never receives a
 * message it cannot start at once (a held-but-idle message would only burn its visibility timeout).
 */
public final class Slots {
    private final Semaphore free;
    private final int capacity;

    public Slots(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.free = new Semaphore(capacity);
    }

    /** Waits up to {@code timeoutMillis} for one free slot, then takes every free slot up to {@code max}. */
    public int takeUpTo(int max, long timeoutMillis) throws InterruptedException {
        if (!free.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int taken = 1;
        while (taken < max && free.tryAcquire()) {
            taken++;
        }
        return taken;
    }

    public void release(int count) {
        if (count > 0) {
            free.release(count);
        }
    }

    public int free() {
        return free.availablePermits();
    }

    public int capacity() {
        return capacity;
    }

}

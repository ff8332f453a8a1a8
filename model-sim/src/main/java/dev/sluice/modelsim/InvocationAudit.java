package dev.sluice.modelsim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe, bounded log of invocations in the order they completed; the oldest are dropped
 * beyond the capacity so a long-running simulator does not grow without limit.
 */
final class InvocationAudit {

    private static final long SETTLE_NANOS = 2_000_000_000L;

    private final int capacity;
    private final AtomicLong seq = new AtomicLong();
    private final ArrayDeque<InvocationRecord> records = new ArrayDeque<>();
    /** Answers being written, whose record follows once the write is done (it tells a disconnect). */
    private int answering;

    InvocationAudit(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("audit capacity must be >= 1");
        }
        this.capacity = capacity;
    }

    /** Sequence numbers are handed out on arrival, so they survive a {@link #clear()}. */
    long nextSeq() {
        return seq.incrementAndGet();
    }

    /** Called before an answer is written; {@link #add} follows once it is. */
    synchronized void answering() {
        answering++;
    }

    synchronized void add(InvocationRecord record) {
        if (records.size() == capacity) {
            records.removeFirst();
        }
        records.addLast(record);
        if (answering > 0) {
            answering--;
        }
        notifyAll();
    }

    /**
     * The records, after waiting (briefly) for answers still being written: a client that has read its
     * answer must find the invocation here, though the record is only added after the write.
     */
    synchronized List<InvocationRecord> snapshot() {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        long left;
        while (answering > 0 && (left = deadline - System.nanoTime()) > 0) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new ArrayList<>(records);
    }

    synchronized void clear() {
        records.clear();
    }
}

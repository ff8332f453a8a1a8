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

    private final int capacity;
    private final AtomicLong seq = new AtomicLong();
    private final ArrayDeque<InvocationRecord> records = new ArrayDeque<>();

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

    synchronized void add(InvocationRecord record) {
        if (records.size() == capacity) {
            records.removeFirst();
        }
        records.addLast(record);
    }

    synchronized List<InvocationRecord> snapshot() {
        return new ArrayList<>(records);
    }

    synchronized void clear() {
        records.clear();
    }
}

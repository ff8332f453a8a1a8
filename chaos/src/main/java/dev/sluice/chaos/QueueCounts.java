package dev.sluice.chaos;

/** SQS's approximate counts for one queue; zero in all three means nothing is left, hidden or delayed. */
public record QueueCounts(long visible, long notVisible, long delayed) {

    public long total() {
        return visible + notVisible + delayed;
    }
}

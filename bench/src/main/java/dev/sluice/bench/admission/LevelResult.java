package dev.sluice.bench.admission;

/**
 * One design at one concurrency level.
 *
 * @param design      which design answered
 * @param clients     concurrent clients, one request each
 * @param burst       what the clients saw
 * @param delivered   results that reached the client: the old design's successful answers, Sluice's
 *                    accepted jobs that reached COMPLETED
 * @param doneNanos   from the first request until the level's work was over (the old design: its last
 *                    model call ended; Sluice: no job of the level left PENDING or PROCESSING), or -1
 *                    when it was not over within the bound
 * @param model       what the model simulator recorded during the level, null when it was still busy
 * @param unseenWork  work done for clients that never learnt of it: the old design's model results made
 *                    after their client's timeout; Sluice's jobs stored for a client that got no 202
 */
record LevelResult(Design design, int clients, BurstResult burst, int delivered, long doneNanos, ModelUse model,
                   int unseenWork) {

    enum Design {
        OLD("old (sync)"),
        SLUICE("Sluice");

        private final String label;

        Design(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }
}

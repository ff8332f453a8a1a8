package dev.sluice.chaos;

import java.util.List;

/**
 * How submitting went. {@code replayed} counts 202s answered from an idempotency record: retries after a
 * 503 whose job had already been saved. {@code gaveUp} and {@code rejected} list task indices that never
 * got a 202; the first is a timeout, the second a 4xx the harness did not expect.
 */
public record SubmissionStats(int accepted, int replayed, int unavailable503, int conflicts409, int otherServerErrors,
                              int connectionErrors, List<Integer> gaveUp, List<Integer> rejected) {

    public SubmissionStats {
        gaveUp = List.copyOf(gaveUp);
        rejected = List.copyOf(rejected);
    }
}

package dev.sluice.chaos;

import java.util.List;

/** The five invariants a chaos run must keep, each judged from the collected {@link Evidence}. */
public final class Invariants {
    private Invariants() {
    }

    public static List<InvariantCheck> check(Evidence evidence) {
        return List.of(
                TerminalCheck.of(evidence),
                OutputCheck.of(evidence),
                CommitCheck.of(evidence),
                OverlapCheck.of(evidence),
                QueueCheck.of(evidence));
    }
}

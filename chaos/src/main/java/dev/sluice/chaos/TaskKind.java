package dev.sluice.chaos;

/**
 * What the model does with a task. The kind travels inside the prompt as a marker, so the simulator's
 * fault rules can match it and the final check can read it back from the job's stored input, even for
 * a job whose submission answer the harness never saw.
 */
public enum TaskKind {
    /** Succeeds, apart from the random transient failures every task may meet. */
    NORMAL("chaos-ok", "COMPLETED"),
    /** The model rejects it every time with a 4xx: the worker fails it on its first attempt. */
    POISON_PERMANENT("chaos-poison-4xx", "FAILED"),
    /** The model answers 5xx every time: retried until SQS moves it to the DLQ; the reaper fails it. */
    POISON_TRANSIENT("chaos-poison-5xx", "FAILED");

    private final String marker;
    private final String expectedStatus;

    TaskKind(String marker, String expectedStatus) {
        this.marker = marker;
        this.expectedStatus = expectedStatus;
    }

    public String marker() {
        return marker;
    }

    /** The only terminal status this kind of task may end in. */
    public String expectedStatus() {
        return expectedStatus;
    }

    public boolean isPoison() {
        return this != NORMAL;
    }

    /** The kind whose marker {@code text} carries; NORMAL when none does. */
    public static TaskKind inText(String text) {
        if (text != null) {
            for (TaskKind kind : values()) {
                if (kind != NORMAL && text.contains(kind.marker)) {
                    return kind;
                }
            }
        }
        return NORMAL;
    }
}

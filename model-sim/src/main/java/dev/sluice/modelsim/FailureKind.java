package dev.sluice.modelsim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The failures the simulator can inject, named as in fault rules and the audit. */
public enum FailureKind {
    /** The model container answered 5xx: SageMaker wraps it as a 424 ModelError. Transient. */
    MODEL_5XX("model-5xx", true),
    /** SageMaker throttled the call before it reached the model. Transient. */
    THROTTLE("throttle", true),
    /** SageMaker could not serve the call at all. Transient. */
    UNAVAILABLE("unavailable", true),
    /** The model container rejected the input with a 4xx: retrying cannot help. Permanent. */
    MODEL_4XX("model-4xx", false);

    private final String id;
    private final boolean transientFailure;

    FailureKind(String id, boolean transientFailure) {
        this.id = id;
        this.transientFailure = transientFailure;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    @JsonCreator
    public static FailureKind fromId(String id) {
        for (FailureKind kind : values()) {
            if (kind.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown failure kind '" + id + "' (one of "
                + Arrays.stream(values()).map(FailureKind::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}

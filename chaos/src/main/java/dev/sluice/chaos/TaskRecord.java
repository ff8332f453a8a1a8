package dev.sluice.chaos;

import java.util.Optional;

/**
 * One task as DynamoDB holds it, with what the harness planned for it. {@code index} and {@code kind}
 * are read back from the job's stored input (the prompt carries both), so they are right even for a
 * job whose 202 the harness never received.
 */
public record TaskRecord(
        String taskId,
        String jobId,
        int index,
        TaskKind kind,
        String status,
        int attempts,
        long fencingToken,
        Optional<String> outputKey,
        Optional<String> lastError,
        Optional<String> leaseOwner,
        long leaseExpiresAtMillis) {

    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String PENDING = "PENDING";
    public static final String PROCESSING = "PROCESSING";

    public boolean isTerminal() {
        return COMPLETED.equals(status) || FAILED.equals(status);
    }
}

package dev.sluice.core.store;

import dev.sluice.core.job.Job;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A job not yet written: the transaction items that create it ({@link JobStore#prepare}) and the job
 * they create once committed. Each item is conditioned on its key being new, so a job is never written twice.
 */
public record PreparedJob(Job job, List<TransactWriteItem> writes) {
    public PreparedJob {
        writes = List.copyOf(writes);
    }
}

package dev.sluice.core.reaper;

import java.util.Locale;

/** What a reaper run can do to tasks and objects, as counted over all runs. */
public enum ReaperAction {
    DLQ_FAILED,
    DLQ_REQUEUED,
    DLQ_STALE_DELETED,
    LEASES_RECLAIMED,
    GONE_OWNER_RELEASED,
    PENDING_REENQUEUED,
    UPLOADS_DELETED,
    OUTPUTS_DELETED;

    /** As a metric label and attribute suffix, e.g. {@code dlq_failed}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

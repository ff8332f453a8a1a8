package dev.sluice.reaper.orphans;

import dev.sluice.core.job.TaskRef;
import java.util.Optional;

/** Reads the task back out of an output key, {@code outputs/{ownerId}/{jobId}/{taskId}.{ext}}. */
final class OutputKey {
    static final String PREFIX = "outputs/";

    private OutputKey() {
    }

    /** Empty for any key that does not follow the scheme: such an object is never deleted. */
    static Optional<TaskRef> task(String key) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] segments = key.split("/", -1);
        if (segments.length != 4 || segments[1].isEmpty() || segments[2].isEmpty()) {
            return Optional.empty();
        }
        String file = segments[3];
        int dot = file.lastIndexOf('.');
        if (dot <= 0 || dot == file.length() - 1) {
            return Optional.empty();
        }
        String taskId = file.substring(0, dot);
        // Task IDs are {jobId}-{index}: anything else is not an output this code wrote.
        if (!taskId.startsWith(segments[2] + "-")) {
            return Optional.empty();
        }
        return Optional.of(new TaskRef(segments[2], taskId));
    }
}

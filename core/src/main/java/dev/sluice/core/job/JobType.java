package dev.sluice.core.job;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of work Sluice runs; {@link #wireName()} is what clients and messages carry. */
public enum JobType {
    IMAGE_GENERATION("image-generation"),
    VIDEO_ANALYSIS("video-analysis");

    private final String wireName;

    JobType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<JobType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}

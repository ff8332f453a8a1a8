package dev.sluice.core.job;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of work Sluice runs; {@link #wireName()} is what clients and messages carry. */
public enum JobType {
    IMAGE_GENERATION("image-generation", true),
    VIDEO_ANALYSIS("video-analysis", true),
    /**
     * Erases everything of one owner (DELETE /v1/me/data). Created only by that route, which bypasses
     * the limits of POST /v1/jobs: an owner must always be able to ask for erasure.
     */
    DATA_ERASURE("data-erasure", false),
    /**
     * Sends one friend invitation by SMS; input {@code {"invitationId":"<id>"}}. Created only by
     * POST /api/invitations, in the same transaction as the invitation ({@code dev.sluice.core.invitations}).
     */
    SMS_INVITE("sms.invite", false);

    private final String wireName;
    private final boolean submittable;

    JobType(String wireName, boolean submittable) {
        this.wireName = wireName;
        this.submittable = submittable;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether clients may name this type in POST /v1/jobs; the others have routes of their own. */
    public boolean submittable() {
        return submittable;
    }

    public static Optional<JobType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}

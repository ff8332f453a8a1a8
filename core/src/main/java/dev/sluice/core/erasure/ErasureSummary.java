package dev.sluice.core.erasure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The erasure job's result and the audit record's content: counts and times, no personal data. */
public record ErasureSummary(String erasureJobId, OwnerHash ownerHash, ErasureCounts counts, Instant requestedAt,
                             Instant completedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON document stored as the erasure task's output. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("erasureJobId", erasureJobId);
        root.put("ownerHash", ownerHash.value());
        root.put("ownerHashAlgorithm", ownerHash.algorithm());
        root.put("requestedAt", requestedAt.toString());
        root.put("completedAt", completedAt.toString());
        ObjectNode deleted = root.putObject("deleted");
        deleted.put("jobs", counts.jobs());
        deleted.put("tasks", counts.tasks());
        deleted.put("idempotencyRecords", counts.idempotencyRecords());
        deleted.put("objectReferences", counts.objectReferences());
        deleted.put("objects", counts.objects());
        deleted.put("objectVersions", counts.versions());
        deleted.put("invitations", counts.invitations());
        deleted.put("invitationRecords", counts.invitationRecords());
        deleted.put("referrals", counts.referrals());
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}

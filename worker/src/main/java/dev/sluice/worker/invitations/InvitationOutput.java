package dev.sluice.worker.invitations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.worker.model.ModelResult;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The sms.invite task's input ({@code {"invitationId": ...}}) and its output: the invitation's state, no number. */
final class InvitationOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InvitationOutput() {
    }

    static String invitationId(String input) {
        try {
            String id = JSON.readTree(input).path("invitationId").asText("");
            if (id.isBlank()) {
                throw new IllegalArgumentException("sms.invite input has no invitationId");
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("sms.invite input is not JSON", e);
        }
    }

    static ModelResult.Success of(Invitation invitation) {
        ObjectNode out = JSON.createObjectNode()
                .put("invitationId", invitation.invitationId())
                .put("status", invitation.status().name());
        invitation.provider().ifPresent(p -> out.put("provider", p));
        invitation.providerMessageId().ifPresent(m -> out.put("providerMessageId", m));
        invitation.sentAt().ifPresent(t -> out.put("sentAt", t.toString()));
        try {
            return new ModelResult.Success(JSON.writeValueAsBytes(out), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

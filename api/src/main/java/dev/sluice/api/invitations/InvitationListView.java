package dev.sluice.api.invitations;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/invitations}: the newest {@code limit} invitations, newest first; no paging beyond that. */
@Schema(name = "InvitationList")
public record InvitationListView(@Schema(required = true) List<InvitationView> invitations) {
}

package dev.sluice.api.invitations;

import dev.sluice.api.openapi.ProblemBody;
import dev.sluice.api.openapi.TwilioStatusForm;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.invitations.AttemptOutcome;
import dev.sluice.core.invitations.DeliveryAttempt;
import dev.sluice.core.invitations.InvitationStore;
import dev.sluice.core.sms.TwilioSignature;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.logging.Logger;

/**
 * Twilio's message status callback. Not authenticated with an API key (Twilio has none) but by
 * {@code X-Twilio-Signature} over {@code sluice.sms.twilio.status-callback-url} and the form
 * parameters. {@code delivered} moves the invitation SENT → DELIVERED; {@code failed} and
 * {@code undelivered} are recorded as an attempt outcome, nothing is sent again; other statuses
 * (queued, sending, sent) say nothing new. A message of no known invitation is answered 204 all the
 * same, so Twilio does not retry it.
 */
@Path("/api/invitations/status/twilio")
public class TwilioStatusResource {
    public static final String PROVIDER = "twilio";
    private static final String PROBLEM = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(TwilioStatusResource.class);

    private final Optional<TwilioSignature> signature;
    private final Optional<String> callbackUrl;
    private final InvitationBackend backend;
    private final Clock clock;

    public TwilioStatusResource(TwilioConfig config, InvitationBackend backend, Clock clock) {
        this.signature = config.authToken().filter(token -> !token.isEmpty()).map(TwilioSignature::new);
        this.callbackUrl = config.statusCallbackUrl();
        this.backend = backend;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SecurityRequirementsSet({})
    @Operation(summary = "Twilio message status callback", description = "Verified by X-Twilio-Signature (HMAC-SHA1 with"
            + " the auth token over the configured callback URL and the sorted form parameters), not by an API key.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = TwilioStatusForm.class)))
    @APIResponse(responseCode = "204", description = "taken into account (or nothing to do)")
    @APIResponse(responseCode = "400", description = "no MessageSid or MessageStatus, or a body that is not form-encoded", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "403", description = "invalid-signature: missing or wrong X-Twilio-Signature, or no auth token configured",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "413", description = "body too large", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "415", description = "not form-encoded", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    @APIResponse(responseCode = "503", description = "invitations not configured", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemBody.class)))
    public Response status(
            @Parameter(name = TwilioSignature.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "base64 HMAC-SHA1 of the callback URL and the sorted parameters, keyed with the auth token",
                    schema = @Schema(type = SchemaType.STRING))
            @HeaderParam(TwilioSignature.HEADER) String signed,
            String body) {
        Map<String, List<String>> params = FormParameters.parse(body);
        if (signature.isEmpty() || callbackUrl.isEmpty() || !signature.get().verify(callbackUrl.get(), params, signed)) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_SIGNATURE,
                    "The X-Twilio-Signature header does not sign this request"));
        }
        String sid = FormParameters.first(params, "MessageSid");
        String status = FormParameters.first(params, "MessageStatus");
        if (sid == null || sid.isEmpty() || status == null || status.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_REQUEST, "MessageSid and MessageStatus are required"));
        }
        InvitationStore store = backend.store();
        if ("delivered".equals(status)) {
            LOG.infof("twilio status: message %s delivered: %s", sid, store.markDelivered(PROVIDER, sid).getClass().getSimpleName());
        } else if ("failed".equals(status) || "undelivered".equals(status)) {
            Optional<String> invitationId = store.invitationOfMessage(PROVIDER, sid);
            invitationId.ifPresent(id -> store.delivery().recordAttempt(id, DeliveryAttempt.of(clock.instant(), PROVIDER,
                    AttemptOutcome.UNDELIVERED, Optional.of(sid), Optional.of("twilio " + status
                            + Optional.ofNullable(FormParameters.first(params, "ErrorCode")).map(code -> " (error " + code + ")").orElse("")))));
            LOG.infof("twilio status: message %s %s, invitation known: %s", sid, status, invitationId.isPresent());
        }
        return Response.noContent().build();
    }

}

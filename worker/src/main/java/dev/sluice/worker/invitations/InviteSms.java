package dev.sluice.worker.invitations;

import dev.sluice.core.invitations.AttemptOutcome;
import dev.sluice.core.invitations.DeliveryAttempt;
import dev.sluice.core.invitations.Invitation;
import dev.sluice.core.invitations.InvitationDelivery;
import dev.sluice.core.invitations.InvitationUpdate;
import dev.sluice.core.invitations.PhoneCipher;
import dev.sluice.core.invitations.ReferralLinks;
import dev.sluice.core.lease.Lease;
import dev.sluice.worker.model.ModelResult;
import dev.sluice.worker.sms.RenderedSms;
import dev.sluice.worker.sms.SentLookup;
import dev.sluice.worker.sms.SmsConfig;
import dev.sluice.worker.sms.SmsMessage;
import dev.sluice.worker.sms.SmsProvider;
import dev.sluice.worker.sms.SmsSendResult;
import dev.sluice.worker.sms.SmsTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One hand-over of an invitation's SMS to the provider, for an invitation already SENDING under the
 * lease's token, and the invitation's next state from the answer: SENT; FAILED when refused for good
 * or on the last attempt; back to QUEUED when refused for now; left SENDING when the answer is unknown
 * and the provider can be asked later, else FAILED as unknown (never a second SMS).
 */
@ApplicationScoped
public class InviteSms {
    private static final Logger LOG = Logger.getLogger(InviteSms.class);
    /**
     * How much earlier than the unfinished attempt's start the provider's list is read from. Twilio dates
     * a message to the second and by its own clock, so one created just after the attempt started can
     * carry an earlier date; reading from the start itself would miss it and send a second SMS. Other
     * messages to the number in the wider window are told apart by the referral link.
     */
    static final Duration LOOKUP_MARGIN = Duration.ofMinutes(1);

    private final SmsProvider provider;
    private final SmsTemplate template;
    private final PhoneCipher cipher;
    private final InvitationDelivery delivery;
    private final ReferralLinks links;
    private final SmsConfig config;
    private final Clock clock;

    public InviteSms(SmsProvider provider, SmsTemplate template, PhoneCipher cipher, InvitationDelivery delivery,
                     InvitationsConfig invitations, SmsConfig config, Clock clock) {
        this.provider = provider;
        this.template = template;
        this.cipher = cipher;
        this.delivery = delivery;
        this.links = new ReferralLinks(invitations.referralBaseUrl());
        this.config = config;
        this.clock = clock;
    }

    String provider() {
        return provider.name();
    }

    ModelResult send(Invitation invitation, Lease lease) {
        String id = invitation.invitationId();
        String phone;
        try {
            phone = cipher.decrypt(id, invitation.phoneCiphertext());
        } catch (RuntimeException e) {
            // Nothing went to the provider: hand the invitation back for the next attempt.
            release(invitation, lease, "cannot decrypt the number: " + e.getClass().getSimpleName());
            return new ModelResult.TransientFailure("cannot decrypt the number: " + e.getClass().getSimpleName());
        }
        RenderedSms text = template.render(invitation.inviterName(), links.of(invitation.inviteCode()));
        if (!text.fitsOneSegment()) {
            LOG.warnf("invitation text needs %d segments invitationId=%s", text.segments(), id);
        }
        LOG.infof("sending invitation invitationId=%s to=%s provider=%s attempt=%d", id, invitation.phoneMasked(),
                provider.name(), lease.attempt());
        SmsSendResult result = provider.send(new SmsMessage(phone, text.text(), id, config.twilio().statusCallbackUrl()));
        if (result instanceof SmsSendResult.Sent sent) {
            return sent(invitation, lease, sent.providerMessageId());
        }
        if (result instanceof SmsSendResult.Rejected rejected) {
            return rejected(invitation, lease, rejected);
        }
        return unknown(invitation, ((SmsSendResult.Unknown) result).reason());
    }

    SentLookup findSent(Invitation invitation, Instant since) {
        if (!provider.canFindSent()) {
            return new SentLookup.Unsupported();
        }
        String phone = cipher.decrypt(invitation.invitationId(), invitation.phoneCiphertext());
        return provider.findSent(phone, since.minus(LOOKUP_MARGIN), links.of(invitation.inviteCode()));
    }

    private ModelResult sent(Invitation invitation, Lease lease, String messageId) {
        InvitationUpdate update = delivery.markSent(invitation.invitationId(), lease.fencingToken(), provider.name(), messageId,
                attempt(AttemptOutcome.SENT, messageId, null));
        if (update instanceof InvitationUpdate.Applied applied) {
            LOG.infof("invitation sent invitationId=%s provider=%s providerMessageId=%s", invitation.invitationId(),
                    provider.name(), messageId);
            return InvitationOutput.of(applied.invitation());
        }
        // The SMS went out but the lease moved on: the newer attempt finds SENDING under an older token.
        LOG.warnf("invitation sent but not recorded (lease lost) invitationId=%s providerMessageId=%s",
                invitation.invitationId(), messageId);
        return new ModelResult.TransientFailure("sent, but the lease no longer held the invitation");
    }

    private ModelResult rejected(Invitation invitation, Lease lease, SmsSendResult.Rejected rejected) {
        String reason = provider.name() + " refused (" + rejected.code() + "): " + rejected.reason();
        boolean lastAttempt = lease.attempt() >= config.maxAttempts();
        if (!rejected.retryable() || lastAttempt) {
            String why = rejected.retryable() ? reason + "; gave up after " + lease.attempt() + " attempts" : reason;
            delivery.markFailed(invitation.invitationId(), why,
                    attempt(rejected.retryable() ? AttemptOutcome.FAILED_TRANSIENT : AttemptOutcome.REJECTED, null, reason));
            LOG.warnf("invitation failed invitationId=%s reason=%s", invitation.invitationId(), why);
            return new ModelResult.PermanentFailure(why);
        }
        release(invitation, lease, reason);
        return new ModelResult.TransientFailure(reason);
    }

    private ModelResult unknown(Invitation invitation, String reason) {
        delivery.recordAttempt(invitation.invitationId(), attempt(AttemptOutcome.UNKNOWN, null, reason));
        if (provider.canFindSent()) {
            // Left SENDING: the next attempt asks the provider before it sends anything.
            return new ModelResult.TransientFailure("no answer from " + provider.name() + ": " + reason);
        }
        String why = "delivery unknown: no answer from " + provider.name() + " (" + reason + "); not sent again to avoid a duplicate";
        delivery.markFailed(invitation.invitationId(), why);
        LOG.warnf("invitation failed invitationId=%s reason=%s", invitation.invitationId(), why);
        return new ModelResult.PermanentFailure(why);
    }

    private void release(Invitation invitation, Lease lease, String reason) {
        delivery.releaseSending(invitation.invitationId(), lease.fencingToken(),
                attempt(AttemptOutcome.FAILED_TRANSIENT, null, reason));
    }

    private DeliveryAttempt attempt(AttemptOutcome outcome, String messageId, String error) {
        return DeliveryAttempt.of(clock.instant(), provider.name(), outcome, Optional.ofNullable(messageId), Optional.ofNullable(error));
    }
}

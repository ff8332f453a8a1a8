package dev.sluice.api.invitations;

import dev.sluice.core.invitations.ReferralLinks;
import jakarta.enterprise.context.ApplicationScoped;

/** Referral URLs from {@code sluice.invitations.referral-base-url}; the worker builds the same ones. */
@ApplicationScoped
public class ReferralUrls {
    private final ReferralLinks links;

    public ReferralUrls(InvitationsConfig config) {
        this.links = new ReferralLinks(config.referralBaseUrl());
    }

    public String of(String inviteCode) {
        return links.of(inviteCode);
    }
}

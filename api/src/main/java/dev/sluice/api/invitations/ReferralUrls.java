package dev.sluice.api.invitations;

import jakarta.enterprise.context.ApplicationScoped;

/** Referral URLs: {@code sluice.invitations.referral-base-url} (with a trailing slash) and the code. */
@ApplicationScoped
public class ReferralUrls {
    private final String base;

    public ReferralUrls(InvitationsConfig config) {
        String url = config.referralBaseUrl();
        this.base = url.endsWith("/") ? url : url + "/";
    }

    public String of(String inviteCode) {
        return base + inviteCode;
    }
}

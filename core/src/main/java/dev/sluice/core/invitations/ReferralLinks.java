package dev.sluice.core.invitations;

/**
 * A referral link: the configured base ({@code sluice.invitations.referral-base-url}, a trailing slash
 * added when missing) and the invite code. The API answers it and the worker texts it, so both build
 * it here.
 */
public record ReferralLinks(String base) {

    public ReferralLinks {
        base = base.endsWith("/") ? base : base + "/";
    }

    public String of(String inviteCode) {
        return base + inviteCode;
    }
}

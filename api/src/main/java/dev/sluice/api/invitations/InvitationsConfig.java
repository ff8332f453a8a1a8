package dev.sluice.api.invitations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Friend invitations by SMS ({@code /api/invitations}; docs/architecture.md#invitations). Without
 * {@link #kmsKeyId()} and {@link #phoneHashKey()} the routes answer 503: the numbers cannot be stored safely.
 */
@ConfigMapping(prefix = "sluice.invitations")
public interface InvitationsConfig {

    /** KMS key (ID, ARN or alias) the invitees' numbers are encrypted with; the worker needs kms:Decrypt on it. */
    Optional<String> kmsKeyId();

    /**
     * Secret key of the HMAC-SHA256 that stands for numbers (the 24-hour duplicate marker) and for
     * accepters (on rewards). Changing it forgets every duplicate marker. No default: it is a secret.
     */
    Optional<String> phoneHashKey();

    /** Invitations one inviter may create per fixed UTC day (00:00 to 24:00 UTC); the next one answers 429. */
    @WithDefault("10")
    int perInviterPerDay();

    /** How long an invitation can be accepted; after that it reads as EXPIRED and accepting it answers 410. */
    @WithDefault("30d")
    Duration expiry();

    /**
     * Start of every referral URL; the invite code is appended ({@code https://sluice.example/invite/APP-8F3K92}).
     * A path without a trailing slash gets one.
     */
    @WithDefault("https://sluice.example/invite/")
    String referralBaseUrl();

    /** Shown to the invitee when the inviter gives no name. */
    @WithDefault("A friend")
    String defaultInviterName();

    /** Points the KMS client elsewhere; when absent the SDK's AWS_ENDPOINT_URL_KMS or AWS_ENDPOINT_URL, else AWS. */
    Optional<URI> kmsEndpointOverride();

    /** Upper bound of one KMS call, retries included: creating an invitation waits at most this long for it. */
    @WithDefault("5s")
    Duration kmsCallTimeout();
}

package dev.sluice.worker.invitations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The invitation settings the worker shares with the API ({@code sluice.invitations.*}). */
@ConfigMapping(prefix = "sluice.invitations")
public interface InvitationsConfig {

    /**
     * The KMS key the API encrypts numbers with. The worker only decrypts, and KMS finds the key from
     * the ciphertext, so this is accepted (one environment serves both apps) but not needed.
     */
    Optional<String> kmsKeyId();

    /** Referral links are this plus the invite code; must match the API's setting. */
    @WithDefault("https://sluice.example/invite/")
    String referralBaseUrl();
}

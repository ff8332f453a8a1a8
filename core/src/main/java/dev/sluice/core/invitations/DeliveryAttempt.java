package dev.sluice.core.invitations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One try at handing the SMS to a provider, or a provider's report about it, stored as
 * {@code INVITE#{id}} / {@code ATTEMPT#{3-digit number}}. {@code number} is assigned by the store (1, 2, …);
 * an attempt about to be recorded carries 0. {@code error} is the provider's error text: never the number.
 */
public record DeliveryAttempt(int number, Instant at, String provider, AttemptOutcome outcome,
                              Optional<String> providerMessageId, Optional<String> error) {
    public DeliveryAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(error, "error");
    }

    /** An attempt to record; the store numbers it. */
    public static DeliveryAttempt of(Instant at, String provider, AttemptOutcome outcome,
                                     Optional<String> providerMessageId, Optional<String> error) {
        return new DeliveryAttempt(0, at, provider, outcome, providerMessageId, error);
    }

    DeliveryAttempt numbered(int n) {
        return new DeliveryAttempt(n, at, provider, outcome, providerMessageId, error);
    }
}

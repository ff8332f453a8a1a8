package dev.sluice.worker.sms;

/**
 * Whether a provider already took a message, asked after an attempt whose outcome is unknown (the
 * worker stopped, or the answer never came). Only a provider that can list what it sent can answer.
 */
public sealed interface SentLookup {

    /** The provider holds a message to the number carrying the marker (the referral link). */
    record Found(String providerMessageId) implements SentLookup {
    }

    /** The provider's list is complete for the period and holds no such message: nothing was sent. */
    record NotFound() implements SentLookup {
    }

    /** The provider cannot list what it sent (SNS): the question cannot be answered. */
    record Unsupported() implements SentLookup {
    }

    /** The list could not be read now; asking again later may answer. */
    record Failed(String reason) implements SentLookup {
    }
}

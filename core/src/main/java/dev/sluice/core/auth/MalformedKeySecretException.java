package dev.sluice.core.auth;

/**
 * A key secret that is not what {@link KeySecret} accepts. The message names the place (entry and
 * field) and the rule, never the secret's content, so it can be logged; it carries no cause because
 * JSON parser messages quote the text they choke on.
 */
public class MalformedKeySecretException extends RuntimeException {
    public MalformedKeySecretException(String message) {
        super(message, null, false, false);
    }
}

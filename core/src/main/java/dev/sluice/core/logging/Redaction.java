package dev.sluice.core.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets and personal data in free text before it is logged. Every app's logging filter
 * ({@code sluice-redaction}) runs each log message through {@link #redact(String)}.
 *
 * <p>What is masked, in this order:
 * <ol>
 *   <li>{@code Authorization} header or field values (the scheme, e.g. {@code Bearer}, is kept);</li>
 *   <li>{@code Bearer <token>} anywhere;</li>
 *   <li>values of secret-named fields in JSON, headers and key=value text: {@code X-Api-Key}, {@code apiKey},
 *       {@code api_key}, {@code access_token}, {@code client_secret}, {@code password}, {@code X-Amz-Signature}, …
 *       (a bare {@code key} is left alone: S3 object keys are logged as {@code key=…});</li>
 *   <li>API-key-shaped tokens anywhere: {@code sk_…} or {@code slk_…}, 16 characters or more;</li>
 *   <li>values of phone, licence plate and VIN fields ({@code phoneNumber}, {@code licencePlate},
 *       {@code plate}, {@code registration}, {@code vin}, …);</li>
 *   <li>international phone numbers anywhere: {@code +} and 8 to 15 digits, spaces, hyphens, dots or
 *       parentheses between them;</li>
 *   <li>VINs anywhere: 17 characters of {@code [A-HJ-NPR-Z0-9]}, at least one digit and one letter, as a whole word.</li>
 * </ol>
 * A masked value reads {@code ***} followed by at most its last four characters (two for plates), and
 * only when the value is long enough for the rest to stay hidden: {@code +***4567}, {@code ***L9Q2},
 * {@code sk_live_***f00d}. Masking is idempotent. UUIDs, task IDs, S3 keys, timestamps and plain
 * numbers (durations, fencing tokens) are not touched.
 *
 * <p>All patterns are compiled once; a message with nothing to mask is returned as is, without copying.
 */
public final class Redaction {
    /** What a masked value starts with. */
    public static final String MASK = "***";

    private static final String SEPARATOR = "\\\\?\"?\\s*[:=]\\s*\\[?";
    private static final String NOT_A_NAME_CHAR = "(?<![A-Za-z0-9_-])";
    /** A value that is not quoted ends at white space or at what closes or separates fields. */
    private static final String BARE_VALUE = "[^\\s\"\\\\,;&)\\]}]+";

    private static final Pattern AUTHORIZATION = Pattern.compile(NOT_A_NAME_CHAR
            + "((?:proxy-)?authorization" + SEPARATOR + "\\\\?\"?"
            + "(?:(?:bearer|basic|digest|token|negotiate|aws4-hmac-sha256)\\s+)?)"
            + "(" + BARE_VALUE + ")", Pattern.CASE_INSENSITIVE);

    private static final Pattern BEARER = Pattern.compile(NOT_A_NAME_CHAR + "(bearer\\s+)([A-Za-z0-9._~+/=-]{8,})",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SECRET_FIELD = field(String.join("|",
            "x-api-key", "api[-_]?key", "x-auth-token", "auth[-_]?token", "access[-_]?token", "refresh[-_]?token",
            "id[-_]?token", "session[-_]?token", "security[-_]?token", "x-amz-security-token", "token",
            "client[-_]?secret", "secret", "secret[-_]?(?:access[-_]?)?key", "aws[-_]?secret[-_]?access[-_]?key",
            "password", "passwd", "x-amz-signature", "signature", "x-amz-credential", "private[-_]?key"), BARE_VALUE);

    /** {@code sk_…}/{@code slk_…} keys; a {@code live_}/{@code test_} part after the prefix is kept. */
    private static final Pattern API_KEY_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9_-])((?:sk|slk)_(?:(?:live|test)_)?)([A-Za-z0-9_]{8,})(?![A-Za-z0-9_-])");
    private static final int API_KEY_MIN_LENGTH = 16;

    private static final Pattern PHONE_FIELD = field(String.join("|",
            "phone", "phone[-_]?number", "telephone", "tel", "mobile", "mobile[-_]?number", "cell[-_]?phone",
            "msisdn", "sms[-_]?number"), "\\+?[0-9(][0-9 ().-]*[0-9]|" + BARE_VALUE);

    private static final Pattern PLATE_FIELD = field(String.join("|",
            "licen[cs]e[-_]?plate", "licen[cs]e[-_]?plate[-_]?number", "number[-_]?plate", "plate",
            "plate[-_]?number", "registration", "registration[-_]?number", "reg[-_]?number"),
            // A bare plate may have spaces ("AB12 CDE", "B-MW 1234"): upper-case groups of at most 4 follow.
            "(?-i:[A-Z0-9][A-Z0-9-]*(?: [A-Z0-9]{1,4}(?![A-Za-z0-9_=:-]))*)|" + BARE_VALUE);

    private static final Pattern VIN_FIELD = field("vin|vehicle[-_]?identification[-_]?number", BARE_VALUE);

    /** + and 8 to 15 digits; not inside a word, a longer number or base64 text. */
    private static final Pattern PHONE = Pattern.compile("(?<![A-Za-z0-9_+])\\+[0-9](?:[ .()-]{0,2}[0-9]){7,14}(?![0-9])");

    private static final String VIN_CHAR = "[A-HJ-NPR-Z0-9]";
    private static final Pattern VIN = Pattern.compile("(?<![A-Za-z0-9_-])"
            + "(?=" + VIN_CHAR + "{0,16}[0-9])(?=" + VIN_CHAR + "{0,16}[A-HJ-NPR-Z])" + VIN_CHAR + "{17}"
            + "(?![A-Za-z0-9_-])");

    /** How deep a cause chain is followed; deeper causes are dropped from a copy. */
    private static final int MAX_CAUSES = 32;

    private Redaction() {
    }

    /** The text with every secret and personal value masked; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        s = replace(s, AUTHORIZATION, m -> m.group(1) + maskSecret(m.group(2)));
        s = replace(s, BEARER, m -> m.group(1) + maskSecret(m.group(2)));
        s = replace(s, SECRET_FIELD, m -> maskField(m, Redaction::maskSecret));
        s = replace(s, API_KEY_TOKEN, Redaction::maskApiKeyToken);
        s = replace(s, PHONE_FIELD, m -> maskField(m, Redaction::maskPhone));
        s = replace(s, PLATE_FIELD, m -> maskField(m, v -> mask(v, 2, 5)));
        s = replace(s, VIN_FIELD, m -> maskField(m, v -> mask(v, 4, 10)));
        s = replace(s, PHONE, m -> maskPhone(m.group()));
        s = replace(s, VIN, m -> mask(m.group(), 4, 10));
        return s;
    }

    /**
     * The throwable itself when no message in its cause chain needs masking; otherwise a copy of the chain
     * whose messages are masked. The copies keep the stack traces and print the original class names.
     */
    public static Throwable redact(Throwable thrown) {
        if (thrown == null || !needsRedaction(thrown, 0)) {
            return thrown;
        }
        return copy(thrown, 0);
    }

    private static boolean needsRedaction(Throwable t, int depth) {
        for (Throwable c = t; c != null && depth < MAX_CAUSES; c = c.getCause(), depth++) {
            String message = c.getMessage();
            if (message != null && !message.equals(redact(message))) {
                return true;
            }
            for (Throwable suppressed : c.getSuppressed()) {
                if (needsRedaction(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable copy(Throwable t, int depth) {
        Throwable cause = t.getCause();
        Throwable copiedCause = cause == null || cause == t || depth >= MAX_CAUSES ? null : copy(cause, depth + 1);
        RedactedThrowable copy = new RedactedThrowable(t.getClass().getName(), redact(t.getMessage()), copiedCause);
        copy.setStackTrace(t.getStackTrace());
        if (depth < MAX_CAUSES) {
            for (Throwable suppressed : t.getSuppressed()) {
                copy.addSuppressed(copy(suppressed, depth + 1));
            }
        }
        return copy;
    }

    /** Stands in for a throwable whose message had to be masked; prints like the original. */
    public static final class RedactedThrowable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClassName;

        RedactedThrowable(String originalClassName, String message, Throwable cause) {
            super(message, cause, true, true);
            this.originalClassName = originalClassName;
        }

        public String originalClassName() {
            return originalClassName;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? originalClassName : originalClassName + ": " + message;
        }
    }

    private static Pattern field(String names, String bareValue) {
        // group 1: name and separator, kept; group 2: an opening quote, kept; 3: a quoted value; 4: a bare one.
        return Pattern.compile(NOT_A_NAME_CHAR + "((?:" + names + ")" + SEPARATOR + ")"
                + "(?:(\\\\?\")([^\"\\\\]*)|(" + bareValue + "))", Pattern.CASE_INSENSITIVE);
    }

    private interface Masker {
        String mask(String value);
    }

    private interface Replacer {
        String replace(Matcher m);
    }

    private static String maskField(Matcher m, Masker masker) {
        if (m.group(2) != null) {
            return m.group(1) + m.group(2) + masker.mask(m.group(3));
        }
        return m.group(1) + masker.mask(m.group(4));
    }

    private static String replace(String text, Pattern pattern, Replacer replacer) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, m.start()).append(replacer.replace(m));
            last = m.end();
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }

    private static String maskSecret(String value) {
        return mask(value, 4, 16);
    }

    private static String maskApiKeyToken(Matcher m) {
        String prefix = m.group(1);
        String rest = m.group(2);
        if (prefix.length() + rest.length() < API_KEY_MIN_LENGTH) {
            return m.group();
        }
        return prefix + mask(rest, 4, 12);
    }

    /** Keeps a leading + and the last four digits (two when there are fewer than eight). */
    private static String maskPhone(String value) {
        if (value.isEmpty() || value.startsWith(MASK) || value.startsWith("+" + MASK)) {
            return value;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        int keep = digits.length() >= 8 ? 4 : digits.length() >= 5 ? 2 : 0;
        return (value.startsWith("+") ? "+" : "") + MASK + digits.substring(digits.length() - keep);
    }

    /**
     * {@code ***} and the last {@code keep} characters of the value if it has at least {@code minLengthToKeep},
     * else {@code ***} alone. Already masked values stay as they are.
     */
    private static String mask(String value, int keep, int minLengthToKeep) {
        if (value.isEmpty() || value.startsWith(MASK)) {
            return value;
        }
        if (value.length() < minLengthToKeep) {
            return MASK;
        }
        return MASK + value.substring(value.length() - keep);
    }
}

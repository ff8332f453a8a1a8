package dev.sluice.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code slk_{keyId}_{secret}}, keyId 12 and secret 40 characters of lower-case
 * base32 ({@code a-z2-7}, 200 random bits from {@link SecureRandom}). Only alphanumerics, so the log
 * redaction's {@code slk_…} rule masks a whole key. The key ID is not secret: it finds the stored
 * record; the whole key's SHA-256 proves possession.
 */
public final class KeyFormat {
    public static final String PREFIX = "slk_";
    public static final int KEY_ID_LENGTH = 12;
    public static final int SECRET_LENGTH = 40;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final Pattern KEY = Pattern.compile(
            "slk_([a-z2-7]{" + KEY_ID_LENGTH + "})_([a-z2-7]{" + SECRET_LENGTH + ",128})");
    private static final Pattern KEY_ID = Pattern.compile("[a-z2-7]{" + KEY_ID_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as presented: its ID and the whole text. */
    public record ParsedKey(String keyId, String key) {
        @Override
        public String toString() {
            return "ParsedKey[keyId=" + keyId + "]";
        }
    }

    private KeyFormat() {
    }

    public static String newKeyId() {
        return random(KEY_ID_LENGTH);
    }

    public static String newKey(String keyId) {
        if (!isKeyId(keyId)) {
            throw new IllegalArgumentException("not a key ID");
        }
        return PREFIX + keyId + "_" + random(SECRET_LENGTH);
    }

    /** Empty for anything that is not shaped like a key (never says why: the text may be a secret). */
    public static Optional<ParsedKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(text);
        return matcher.matches() ? Optional.of(new ParsedKey(matcher.group(1), text)) : Optional.empty();
    }

    public static boolean isKeyId(String text) {
        return text != null && KEY_ID.matcher(text).matches();
    }

    /** Hex SHA-256 of the whole key: what is stored. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Constant-time comparison of a presented key with a stored hash. */
    public static boolean matches(String key, String storedHash) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(key), expected);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}

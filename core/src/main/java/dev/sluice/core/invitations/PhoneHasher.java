package dev.sluice.core.invitations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA256, hex) that stands for a phone number wherever numbers are matched (the
 * 24-hour duplicate marker). Phone numbers are few enough to hash them all, so a plain hash would be
 * reversible; only whoever holds the key ({@code sluice.invitations.phone-hash-key}) can tie a hash to
 * a number. Changing the key forgets every marker.
 */
public final class PhoneHasher {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public PhoneHasher(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a phone hash key is required");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String hash(PhoneNumber number) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(number.e164().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}

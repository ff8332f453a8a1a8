package dev.sluice.core.erasure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The owner as the erasure audit names it. Owner IDs are short and guessable, so a bare SHA-256 could
 * be reversed by hashing candidates; with a pepper (a secret outside the table) it is HMAC-SHA256 and
 * only whoever holds the pepper can tie a record to an owner, e.g. to answer "was X erased?". Without
 * a pepper it falls back to SHA-256, which still keeps the raw ID out of the table.
 */
public record OwnerHash(String algorithm, String value) {

    public static OwnerHash of(String ownerId, Optional<String> pepper) {
        byte[] id = ownerId.getBytes(StandardCharsets.UTF_8);
        try {
            if (pepper.isPresent() && !pepper.get().isEmpty()) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(pepper.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return new OwnerHash("hmac-sha256", HexFormat.of().formatHex(mac.doFinal(id)));
            }
            return new OwnerHash("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256 and HmacSHA256", e);
        }
    }
}

package dev.sluice.core.invitations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Encrypts an invitee's number with KMS so that only a holder of {@code kms:Decrypt} on the key (the
 * worker) can read it. The invitation ID is the encryption context: a ciphertext copied onto another
 * invitation does not decrypt. KMS keeps the key ID inside the ciphertext, so decryption names no key.
 */
public final class PhoneCipher {
    static final String CONTEXT_KEY = "invitationId";

    private final KmsClient kms;
    private final String keyId;

    public PhoneCipher(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    /** For the sender, which only decrypts: KMS finds the key from the ciphertext. */
    public static PhoneCipher decryptOnly(KmsClient kms) {
        return new PhoneCipher(kms, null);
    }

    /** The E.164 number encrypted for {@code invitationId}, base64. */
    public String encrypt(String invitationId, PhoneNumber number) {
        if (keyId == null) {
            throw new IllegalStateException("this cipher only decrypts");
        }
        byte[] ciphertext = kms.encrypt(b -> b.keyId(keyId)
                .plaintext(SdkBytes.fromString(number.e164(), StandardCharsets.UTF_8))
                .encryptionContext(Map.of(CONTEXT_KEY, invitationId))).ciphertextBlob().asByteArray();
        return Base64.getEncoder().encodeToString(ciphertext);
    }

    /** The E.164 number of an invitation's {@code phoneCiphertext}. */
    public String decrypt(String invitationId, String ciphertextBase64) {
        return kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder().decode(ciphertextBase64)))
                .encryptionContext(Map.of(CONTEXT_KEY, invitationId))).plaintext().asString(StandardCharsets.UTF_8);
    }
}

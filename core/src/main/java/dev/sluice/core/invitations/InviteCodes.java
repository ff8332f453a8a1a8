package dev.sluice.core.invitations;

import java.security.SecureRandom;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Invite codes: {@code APP-} and six characters of an alphabet without look-alikes (no 0/O, 1/I/L),
 * so a code read aloud or typed from an SMS comes out right. 31^6 ≈ 887 million codes; uniqueness is
 * not left to chance but enforced by the conditional write of the code item.
 */
public final class InviteCodes {
    public static final String PREFIX = "APP-";
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 6;
    /** The form of a code, for a cheap refusal of anything else before a database read. */
    public static final String FORMAT = "^APP-[" + ALPHABET + "]{" + LENGTH + "}$";

    private static final Pattern CODE = Pattern.compile(FORMAT);

    private final Random random;

    /** Codes from a {@link SecureRandom}: guessing a valid code must be as hard as the alphabet allows. */
    public InviteCodes() {
        this(new SecureRandom());
    }

    /** Codes from {@code random}; tests pass a seeded or scripted one. */
    public InviteCodes(Random random) {
        this.random = random;
    }

    public String next() {
        StringBuilder code = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public static boolean isWellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}

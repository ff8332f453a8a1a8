package dev.sluice.worker.sms;

/**
 * The GSM 03.38 default alphabet (3GPP TS 23.038): the characters an SMS can carry in 7-bit septets. A
 * character of the extension table is sent as ESC plus one septet, so it counts two.
 */
final class Gsm7Alphabet {
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7Alphabet() {
    }

    /** Septets needed for one UTF-16 char: 1 (basic), 2 (extension) or -1 (not in the alphabet). */
    static int septets(char c) {
        if (BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : -1;
    }

    static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}

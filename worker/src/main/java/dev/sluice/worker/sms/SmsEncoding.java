package dev.sluice.worker.sms;

/**
 * How a text travels in SMS, and so how long one segment is. GSM-7 whenever every character is in the
 * GSM alphabet (extension characters such as {@code €} count two septets); otherwise UCS-2, where every
 * UTF-16 unit counts one (an emoji outside the BMP counts two). A text longer than one segment is sent as
 * a concatenated SMS whose parts lose room to the concatenation header, and each part is billed.
 */
public enum SmsEncoding {
    GSM_7(160, 153),
    UCS_2(70, 67);

    private final int singleSegment;
    private final int perConcatenatedSegment;

    SmsEncoding(int singleSegment, int perConcatenatedSegment) {
        this.singleSegment = singleSegment;
        this.perConcatenatedSegment = perConcatenatedSegment;
    }

    public static SmsEncoding of(CharSequence text) {
        return Gsm7Alphabet.canEncode(text) ? GSM_7 : UCS_2;
    }

    /** Septets (GSM-7) or UTF-16 units (UCS-2) that fit one unconcatenated SMS. */
    public int singleSegment() {
        return singleSegment;
    }

    /** The length of {@code text} in this encoding's units. */
    public int units(CharSequence text) {
        if (this == UCS_2) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += Gsm7Alphabet.septets(text.charAt(i));
        }
        return septets;
    }

    /**
     * Segments the text is sent in. Concatenated parts are filled without splitting an escape sequence
     * (GSM-7) or a surrogate pair (UCS-2), as handsets and gateways do.
     */
    public int segments(CharSequence text) {
        if (units(text) <= singleSegment) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size;
            if (this == GSM_7) {
                size = Gsm7Alphabet.septets(text.charAt(i));
            } else {
                size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            }
            if (used + size > perConcatenatedSegment) {
                segments++;
                used = 0;
            }
            used += size;
            if (size == 2 && this == UCS_2) {
                i++;
            }
        }
        return segments;
    }
}

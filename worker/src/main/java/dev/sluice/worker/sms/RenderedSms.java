package dev.sluice.worker.sms;

/**
 * An invitation text ready to send.
 *
 * @param text          what to put in {@link SmsMessage#body()}
 * @param encoding      GSM-7 or UCS-2, from the characters of {@code text}
 * @param units         length in septets (GSM-7) or UTF-16 units (UCS-2)
 * @param segments      SMS parts it is sent (and billed) as; more than 1 means even the shortest allowed
 *                      inviter name did not make it fit, and the caller should log a warning
 * @param nameShortened whether the inviter's name was cut (with an ellipsis) to fit one segment
 */
public record RenderedSms(String text, SmsEncoding encoding, int units, int segments, boolean nameShortened) {

    static RenderedSms of(String text, boolean nameShortened) {
        SmsEncoding encoding = SmsEncoding.of(text);
        return new RenderedSms(text, encoding, encoding.units(text), encoding.segments(text), nameShortened);
    }

    public boolean fitsOneSegment() {
        return segments == 1;
    }
}

package dev.sluice.core.invitations;

import java.util.Objects;

/**
 * A validated phone number in E.164 ({@code +14155552671}) with its country calling code. Personal
 * data: {@link #toString()} shows only the {@link #masked()} form, so a number logged by mistake
 * still leaks nothing.
 */
public record PhoneNumber(String e164, int countryCode) {
    /** What stands for the hidden digits of a masked number. */
    public static final String HIDDEN = "•••";

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
    }

    /**
     * The number for display and logs: country code, at most the first three digits of the national
     * number, {@value #HIDDEN}, the last four ({@code +1415•••2671}). At least three digits always stay
     * hidden, so a short national number shows fewer leading digits.
     */
    public String masked() {
        String national = e164.substring(1 + Integer.toString(countryCode).length());
        int tail = Math.min(4, Math.max(0, national.length() - 3));
        int lead = Math.max(0, Math.min(3, national.length() - tail - 3));
        return "+" + countryCode + national.substring(0, lead) + HIDDEN + national.substring(national.length() - tail);
    }

    @Override
    public String toString() {
        return "PhoneNumber[" + masked() + "]";
    }
}

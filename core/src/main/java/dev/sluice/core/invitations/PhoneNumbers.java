package dev.sluice.core.invitations;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.regex.Pattern;

/**
 * Validates and normalises invitees' numbers with libphonenumber. Only international numbers are
 * accepted: {@code +}, the country code and the number, optionally grouped by spaces, hyphens, dots or
 * parentheses ({@code +1 (415) 555-2671}); a national number ({@code (415) 555-2671}) names no country
 * and is refused rather than guessed. The number must be valid for its region
 * ({@link PhoneNumberUtil#isValidNumber}), not merely plausible: {@code +15551234567} is refused.
 */
public final class PhoneNumbers {
    /** The longest text looked at: an E.164 number has at most 15 digits, separators add some. */
    public static final int MAX_LENGTH = 32;
    /** What the API accepts before libphonenumber judges it; the OpenAPI document states the same. */
    public static final String INTERNATIONAL_FORMAT = "^\\+[0-9][0-9 ().-]{5,30}$";

    private static final Pattern INTERNATIONAL = Pattern.compile(INTERNATIONAL_FORMAT);
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    public static PhoneCheck check(String text) {
        if (text == null || text.isBlank()) {
            return new PhoneCheck.Invalid("is required");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH || !INTERNATIONAL.matcher(trimmed).matches()) {
            return new PhoneCheck.Invalid("must be an international number: + and the country code, then the number");
        }
        Phonenumber.PhoneNumber parsed;
        try {
            // "ZZ": no default region, so only a number with its country code parses.
            parsed = UTIL.parse(trimmed, "ZZ");
        } catch (NumberParseException e) {
            return new PhoneCheck.Invalid("is not a phone number (" + e.getErrorType() + ")");
        }
        if (!UTIL.isValidNumber(parsed)) {
            return new PhoneCheck.Invalid("is not a valid phone number for its country");
        }
        return new PhoneCheck.Valid(new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164),
                parsed.getCountryCode()));
    }
}

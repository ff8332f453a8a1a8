package dev.sluice.api.jobs.input;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vehicle identification numbers (ISO 3779): 17 characters of {@code [A-HJ-NPR-Z0-9]}, upper case; I, O
 * and Q never occur (they read as 1 and 0). North American VINs (49 CFR 565) also carry a check digit in
 * position 9; other regions do not require one, so it is verified only for {@link Region#NA}.
 */
public final class Vins {
    public static final int LENGTH = 17;
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]{" + LENGTH + "}");
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{" + LENGTH + "}");
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int CHECK_POSITION = 8;

    /** Where the VIN was issued, as far as its rules differ. */
    public enum Region {
        /** North America (US, Canada, Mexico): the check digit is mandatory. */
        NA,
        EU,
        ASIA,
        OTHER;

        public static Optional<Region> fromWire(String value) {
            for (Region region : values()) {
                if (region.name().equalsIgnoreCase(value)) {
                    return Optional.of(region);
                }
            }
            return Optional.empty();
        }
    }

    /** Why a VIN is refused; the messages never contain the VIN itself (it is personal data). */
    public enum Problem {
        LENGTH("must be exactly " + Vins.LENGTH + " letters and digits"),
        CHARACTERS("must not contain the letters I, O or Q"),
        CHECK_DIGIT("has a check digit (9th character) that does not match the rest of the VIN");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** The outcome: the upper-cased VIN, or why it is not one. Exactly one of the two is present. */
    public record Result(Optional<String> vin, Optional<Problem> problem) {
    }

    private Vins() {
    }

    public static Result check(String value, Optional<Region> region) {
        String trimmed = value == null ? "" : value.strip();
        // Checked before upper-casing, which can turn non-ASCII letters into ASCII ones.
        if (!ALPHANUMERIC.matcher(trimmed).matches()) {
            return refused(Problem.LENGTH);
        }
        String vin = trimmed.toUpperCase(Locale.ROOT);
        if (!VIN.matcher(vin).matches()) {
            return refused(Problem.CHARACTERS);
        }
        if (region.isPresent() && region.get() == Region.NA && checkDigit(vin) != vin.charAt(CHECK_POSITION)) {
            return refused(Problem.CHECK_DIGIT);
        }
        return new Result(Optional.of(vin), Optional.empty());
    }

    /** The check digit a valid {@code [A-HJ-NPR-Z0-9]{17}} VIN has in position 9: {@code 0}–{@code 9} or {@code X} (10). */
    static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            sum += value(vin.charAt(i)) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    /** The standard transliteration: digits are themselves, letters A–Z skip I, O and Q (and S starts over at 2). */
    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        switch (c) {
            case 'A': case 'J': return 1;
            case 'B': case 'K': case 'S': return 2;
            case 'C': case 'L': case 'T': return 3;
            case 'D': case 'M': case 'U': return 4;
            case 'E': case 'N': case 'V': return 5;
            case 'F': case 'W': return 6;
            case 'G': case 'P': case 'X': return 7;
            case 'H': case 'Y': return 8;
            case 'R': case 'Z': return 9;
            default: throw new IllegalArgumentException("not a VIN character: " + c);
        }
    }

    private static Result refused(Problem problem) {
        return new Result(Optional.empty(), Optional.of(problem));
    }
}

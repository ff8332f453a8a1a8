package dev.sluice.api.jobs.input;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Licence plates as the model and the store see them: upper case, without the spaces and hyphens people
 * write them with ({@code "ab-12 cde"} → {@code "AB12CDE"}), 1 to 10 ASCII letters and digits. Plates
 * with letters outside A–Z (e.g. German umlauts) are not accepted yet.
 */
public final class LicencePlates {
    public static final int MAX_LENGTH = 10;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
    // Checked before upper-casing: toUpperCase can turn non-ASCII letters into ASCII ones ("ß" → "SS").
    private static final Pattern PLATE = Pattern.compile("[A-Za-z0-9]{1," + MAX_LENGTH + "}");

    private LicencePlates() {
    }

    /** The normalised plate, or empty when it is not one; never echoes the value in an error. */
    public static Optional<String> normalise(String plate) {
        if (plate == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(plate).replaceAll("");
        if (!PLATE.matcher(compact).matches()) {
            return Optional.empty();
        }
        return Optional.of(compact.toUpperCase(Locale.ROOT));
    }
}

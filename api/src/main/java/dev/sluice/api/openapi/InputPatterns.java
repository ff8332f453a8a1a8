package dev.sluice.api.openapi;

/**
 * The regular expressions the OpenAPI document states for request strings. Each one describes exactly
 * what the validator accepts, character for character: a client generating requests from the document
 * (or a contract tester such as schemathesis) must find every schema-valid value accepted and every
 * schema-invalid one refused. Written with ECMA-262 escapes only, which JSON Schema prescribes.
 */
final class InputPatterns {
    /**
     * The characters Java's {@code Character.isWhitespace} (behind {@code String.isBlank} and
     * {@code strip}) counts as white space: not the same set as a regex {@code \s}, which includes
     * no-break spaces and excludes U+001C..U+001F.
     */
    static final String JAVA_WHITESPACE = "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000";
    /** At least one character that is not white space (prompts, file names). */
    static final String NOT_BLANK = "[^" + JAVA_WHITESPACE + "]";
    /** Java's regex {@code \s} plus the hyphen: what licence plates may be written with. */
    private static final String PLATE_SEPARATOR = "[ \\t\\n\\x0B\\f\\r-]";
    /** 1 to 10 letters and digits once the separators are removed. */
    static final String LICENCE_PLATE = "^" + PLATE_SEPARATOR + "*([A-Za-z0-9]" + PLATE_SEPARATOR + "*){1,10}$";
    /** 17 characters without I, O or Q, any case, surrounding white space ignored. */
    static final String VIN = "^[" + JAVA_WHITESPACE + "]*[A-HJ-NPR-Za-hj-npr-z0-9]{17}[" + JAVA_WHITESPACE + "]*$";
    /** NA, EU, ASIA or OTHER in any case. */
    static final String VIN_REGION = "^([Nn][Aa]|[Ee][Uu]|[Aa][Ss][Ii][Aa]|[Oo][Tt][Hh][Ee][Rr])$";
    /** Control characters (C0, DEL, C1) and path separators, which file names must not contain. */
    private static final String NOT_IN_FILE_NAMES = "\\x00-\\x1F\\x7F-\\x9F/\\\\";
    /** Not blank, no control character and no path separator. */
    static final String FILE_NAME = "^[^" + NOT_IN_FILE_NAMES + "]*[^" + NOT_IN_FILE_NAMES + JAVA_WHITESPACE + "][^"
            + NOT_IN_FILE_NAMES + "]*$";

    private InputPatterns() {
    }
}

package dev.sluice.worker.sms;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the invitation text from {@code sluice.sms.template} and keeps it to one SMS segment where it
 * can: a name that makes the text too long is cut, with an ellipsis, down to {@link #MIN_NAME_LENGTH}
 * characters. The link and the app name are never cut. The ellipsis is {@code ...} when the rest of the
 * text is GSM-7 (the {@code …} character would switch the whole text to UCS-2 and its 70-unit segments),
 * {@code …} otherwise.
 *
 * <p>Placeholders are replaced in one pass, so a name that contains {@code {appName}} stays literal. Line
 * breaks and other control characters in the name become spaces: the name is user input.
 */
public final class SmsTemplate {
    public static final String DEFAULT_PATTERN =
            "{inviterName} invited you to try {appName}. Sign up using this link: {referralUrl}";
    /** Characters of the inviter's name kept at least (before the ellipsis) when it is shortened. */
    public static final int MIN_NAME_LENGTH = 5;

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(inviterName|appName|referralUrl)}");

    private final String pattern;
    private final String appName;

    public SmsTemplate(String pattern, String appName) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.appName = Objects.requireNonNull(appName, "appName");
    }

    public static SmsTemplate from(SmsConfig config) {
        return new SmsTemplate(config.template(), config.appName());
    }

    /**
     * The invitation for {@code referralUrl} from {@code inviterName}, shortened to one segment if it can be.
     * When even the shortest allowed name does not fit, the text with the full name comes back with
     * {@link RenderedSms#segments()} above 1.
     */
    public RenderedSms render(String inviterName, String referralUrl) {
        String name = normalize(inviterName);
        RenderedSms full = RenderedSms.of(substitute(name, referralUrl), false);
        if (full.fitsOneSegment()) {
            return full;
        }
        int[] codePoints = name.codePoints().toArray();
        boolean restIsGsm = Gsm7Alphabet.canEncode(substitute("", referralUrl));
        for (int keep = codePoints.length - 1; keep >= MIN_NAME_LENGTH; keep--) {
            String kept = new String(codePoints, 0, keep).stripTrailing();
            String ellipsis = restIsGsm && Gsm7Alphabet.canEncode(kept) ? "..." : "…";
            RenderedSms shortened = RenderedSms.of(substitute(kept + ellipsis, referralUrl), true);
            if (shortened.fitsOneSegment()) {
                return shortened;
            }
        }
        return full;
    }

    /** The text exactly as the pattern gives it, never shortened: what the start-up check measures. */
    RenderedSms renderUnshortened(String inviterName, String referralUrl) {
        return RenderedSms.of(substitute(normalize(inviterName), referralUrl), false);
    }

    String pattern() {
        return pattern;
    }

    private String substitute(String name, String referralUrl) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + name.length() + referralUrl.length());
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "inviterName" -> name;
                case "appName" -> appName;
                default -> referralUrl;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String normalize(String name) {
        return Objects.requireNonNull(name, "inviterName").replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", " ")
                .replaceAll("\\s+", " ").strip();
    }
}

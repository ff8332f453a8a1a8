package dev.sluice.api.uploads;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The video types a client may upload, each with the file extension its key gets. An allow-list rather
 * than "anything starting with {@code video/}": the models read these containers, and the signed
 * Content-Type is what S3 later serves the object with.
 */
public final class VideoContentTypes {
    private static final Map<String, String> EXTENSIONS = new LinkedHashMap<>();

    static {
        EXTENSIONS.put("video/mp4", "mp4");
        EXTENSIONS.put("video/quicktime", "mov");
        EXTENSIONS.put("video/webm", "webm");
        EXTENSIONS.put("video/x-matroska", "mkv");
        EXTENSIONS.put("video/x-msvideo", "avi");
        EXTENSIONS.put("video/mpeg", "mpg");
        EXTENSIONS.put("video/3gpp", "3gp");
        EXTENSIONS.put("video/x-m4v", "m4v");
    }

    private VideoContentTypes() {
    }

    /** The allowed type in canonical (lower) case, or empty. Parameters such as {@code ;codecs=} are not accepted. */
    public static Optional<String> normalise(String contentType) {
        String lower = contentType.strip().toLowerCase(Locale.ROOT);
        return EXTENSIONS.containsKey(lower) ? Optional.of(lower) : Optional.empty();
    }

    public static String extension(String contentType) {
        String extension = EXTENSIONS.get(contentType);
        if (extension == null) {
            throw new IllegalArgumentException("not an allowed video type: " + contentType);
        }
        return extension;
    }

    public static String allowed() {
        return String.join(", ", EXTENSIONS.keySet());
    }
}

package dev.sluice.charts;

/** Whether a container image reference names one build: a digest, or a tag other than latest. */
final class ImageReference {

    private ImageReference() {
    }

    /** Why the reference does not pin a build, or null when it does. */
    static String unpinnedReason(String image) {
        if (image == null || image.isBlank()) {
            return "no image";
        }
        if (image.contains("@sha256:")) {
            return null;
        }
        // A colon before the last slash belongs to a registry port (host:5000/app), not a tag.
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return "image " + image + " has no tag, which means latest";
        }
        if (image.substring(colon + 1).equals("latest")) {
            return "image " + image + " uses the tag latest";
        }
        return null;
    }
}

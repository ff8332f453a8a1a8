package dev.sluice.bench.admission;

/** The input both designs send to the same model: one 256x256 image per request, a prompt each. */
final class ImagePrompt {
    static final int SIZE = 256;

    private ImagePrompt() {
    }

    /** The model's input JSON, as the old endpoint forwards it and as a Sluice job carries it. */
    static String input(String design, int clients, int client) {
        return "{\"prompt\":\"admission " + design + " level " + clients + " client " + client + "\",\"width\":"
                + SIZE + ",\"height\":" + SIZE + "}";
    }
}

package dev.sluice.core.limits;

import software.amazon.awssdk.core.exception.SdkException;

/** What counting one request against its key's current window found. */
public sealed interface WindowCount {
    RequestWindow window();

    /** Requests allowed per window. */
    int limit();

    /** Counted, and within the limit: {@code used} requests of the window so far, this one included. */
    record Allowed(RequestWindow window, int limit, int used) implements WindowCount {
        public int remaining() {
            return Math.max(0, limit - used);
        }
    }

    /** The window's limit was already used up: this request was not counted. */
    record Exhausted(RequestWindow window, int limit) implements WindowCount {
    }

    /** The shared count could not be reached: nobody knows how many requests the window has seen. */
    record Uncounted(RequestWindow window, int limit, SdkException cause) implements WindowCount {
    }
}

package dev.sluice.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of the harness. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}

package dev.sluice.modelsim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the simulator and its client. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            // Admin clients of other versions may send fields this one does not know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }
}

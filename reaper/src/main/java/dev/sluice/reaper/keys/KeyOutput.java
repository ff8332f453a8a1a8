package dev.sluice.reaper.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.auth.CreatedKey;
import dev.sluice.reaper.json.Json;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** What {@code keys create} and {@code keys rotate} print: the new key, once, and where it is kept. */
final class KeyOutput {
    private KeyOutput() {
    }

    /** The record's JSON, the secret it went into (if any) and the key. */
    static ObjectNode created(CreatedKey created, Optional<String> secretId, Instant now) {
        ObjectNode line = KeyJson.of(created.record(), now);
        secretId.ifPresent(id -> line.put("secret", id));
        line.put("key", created.key());
        return line;
    }

    static void print(CommandSpec spec, ObjectNode line) {
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getErr().println("Store the key now: it is not shown again.");
    }

    /** The message for a secret that does not exist: the reaper never creates one. */
    static String missingSecret(String secretId, ResourceNotFoundException e) {
        return "secret " + secretId + " not found (create it holding {\"keys\":[]}, docs/runbook.md#api-keys): "
                + e.awsErrorDetails().errorMessage();
    }
}

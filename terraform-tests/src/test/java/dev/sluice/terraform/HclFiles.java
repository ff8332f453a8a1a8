package dev.sluice.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.localaws.ExternalCommand;
import dev.sluice.localaws.ValidatorVenv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The .tf files of a directory tree, parsed by python-hcl2 (checkov's parser, from the pinned
 * validators venv). No provider is needed: this reads the code, it does not plan it.
 */
final class HclFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = Path.of("src/test/python/hcl_json.py");

    /** One block of a file: {@code resource "type" "name"} or {@code data "type" "name"} etc. */
    record Block(Path file, String kind, String type, String name, JsonNode body) {
        String address() {
            return (kind.equals("resource") ? "" : kind + ".") + type + "." + name + " (" + file + ")";
        }
    }

    private final JsonNode files;

    private HclFiles(JsonNode files) {
        this.files = files;
    }

    static HclFiles parse(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException(directory + " does not exist: the Terraform code is part of the product");
        }
        ExternalCommand.Result result = ExternalCommand.run(directory, Duration.ofMinutes(5),
                List.of(ValidatorVenv.python().toString(), SCRIPT.toAbsolutePath().toString(), "."));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("cannot parse the HCL: " + result);
        }
        try {
            return new HclFiles(JSON.readTree(result.stdout()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code kind "type" "name"} block (resource, data) of that type, in every file. */
    List<Block> blocks(String kind, String type) {
        List<Block> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            for (JsonNode group : file.getValue().path(kind)) {
                group.path(type).fields().forEachRemaining(named ->
                        found.add(new Block(Path.of(file.getKey()).normalize(), kind, type, named.getKey(), named.getValue())));
            }
        }
        return found;
    }

    /** Every {@code module} block whose source is that path. */
    List<Block> moduleCalls(String source) {
        List<Block> found = new ArrayList<>();
        files.fields().forEachRemaining(file -> file.getValue().path("module").forEach(group ->
                group.fields().forEachRemaining(named -> {
                    if (value(named.getValue(), "source").asText().equals(source)) {
                        found.add(new Block(Path.of(file.getKey()).normalize(), "module", "", named.getKey(), named.getValue()));
                    }
                })));
        return found;
    }

    /**
     * The string-valued locals of the files in one directory (a module), so a rule sees
     * {@code ${var.bucket_arn}/uploads/*} where the code writes {@code local.uploads}.
     */
    Map<String, String> locals(Path directory) {
        Map<String, String> locals = new java.util.TreeMap<>();
        localValues(directory).forEach((name, value) -> {
            if (value.isTextual()) {
                locals.put(name, value.asText());
            }
        });
        return locals;
    }

    /** Every local of the files in one directory, as parsed. */
    Map<String, JsonNode> localValues(Path directory) {
        Map<String, JsonNode> locals = new java.util.TreeMap<>();
        files.fields().forEachRemaining(file -> {
            Path parent = Path.of(file.getKey()).normalize().getParent();
            if (java.util.Objects.equals(parent, directory)) {
                file.getValue().path("locals").forEach(block ->
                        block.fieldNames().forEachRemaining(name -> locals.put(name, value(block, name))));
            }
        });
        return locals;
    }

    /** Every output block of that name. */
    List<JsonNode> outputs(String name) {
        List<JsonNode> found = new ArrayList<>();
        files.forEach(file -> file.path("output").forEach(group -> {
            if (group.has(name)) {
                found.add(group.get(name));
            }
        }));
        return found;
    }

    /** An attribute's value: hcl2 wraps each in a one-element list. */
    static JsonNode value(JsonNode body, String attribute) {
        JsonNode wrapped = body.path(attribute);
        return wrapped.isArray() && wrapped.size() == 1 ? wrapped.get(0) : wrapped;
    }

    /** A list attribute's strings ({@code actions = [...]}); a single expression gives one element. */
    static List<String> strings(JsonNode body, String attribute) {
        JsonNode value = value(body, attribute);
        List<String> strings = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> strings.add(v.asText()));
        } else if (!value.isMissingNode()) {
            strings.add(value.asText());
        }
        return strings;
    }
}

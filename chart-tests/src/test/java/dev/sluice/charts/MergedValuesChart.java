package dev.sluice.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of a chart whose values.yaml already holds an environment's values file merged in.
 *
 * <p>helm-java's lint takes no values file, yet {@code helm lint --strict -f values-prod.yaml} is
 * the check that matters: the copy gives lint the same values, merged the way Helm merges a
 * values file over the chart's defaults (maps merge key by key, anything else is replaced, null
 * removes the key).
 */
final class MergedValuesChart {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MergedValuesChart() {
    }

    static Path copy(Path chart, Path valuesFile, Path into) {
        try {
            copyTree(chart, into);
            Path values = into.resolve("values.yaml");
            JsonNode defaults = Files.exists(values) ? YAML.readTree(values.toFile()) : YAML.createObjectNode();
            JsonNode overrides = YAML.readTree(valuesFile.toFile());
            JsonNode merged = merge(defaults == null || defaults.isMissingNode() ? YAML.createObjectNode() : defaults,
                    overrides);
            YAML.writeValue(values.toFile(), merged);
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode merge(JsonNode base, JsonNode override) {
        if (override == null || override.isMissingNode()) {
            return base;
        }
        if (!base.isObject() || !override.isObject()) {
            return override;
        }
        ObjectNode result = ((ObjectNode) base).deepCopy();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(override.properties());
        for (Map.Entry<String, JsonNode> entry : entries) {
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else if (result.has(entry.getKey())) {
                result.set(entry.getKey(), merge(result.get(entry.getKey()), entry.getValue()));
            } else {
                result.set(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

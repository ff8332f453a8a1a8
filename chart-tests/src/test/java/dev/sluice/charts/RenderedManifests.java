package dev.sluice.charts;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The objects of a multi-document YAML stream (helm template output, or k8s/ files). */
final class RenderedManifests {
    // Every string is written quoted, so "true" or "4" stay strings for the validators reading it back.
    // A duplicate key is an error: Kubernetes rejects what a lenient parser would silently merge.
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private final List<KubeObject> objects;

    private RenderedManifests(List<KubeObject> objects) {
        this.objects = List.copyOf(objects);
    }

    static RenderedManifests parse(String yaml) {
        List<KubeObject> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                // Templates that render nothing leave empty documents behind.
                if (document != null && !document.isNull() && !document.isMissingNode() && !document.isEmpty()) {
                    objects.add(new KubeObject(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Rendered YAML does not parse: " + e.getMessage(), e);
        }
        return new RenderedManifests(objects);
    }

    static RenderedManifests read(List<Path> files) {
        List<KubeObject> objects = new ArrayList<>();
        for (Path file : files) {
            try {
                objects.addAll(parse(Files.readString(file, StandardCharsets.UTF_8)).objects);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RenderedManifests(objects);
    }

    List<KubeObject> all() {
        return objects;
    }

    RenderedManifests filter(Predicate<KubeObject> predicate) {
        return new RenderedManifests(objects.stream().filter(predicate).toList());
    }

    /** Objects the Kubernetes API schemas cover. */
    RenderedManifests builtIn() {
        return filter(o -> !o.isCustomResource());
    }

    /** Objects whose kinds come from KEDA or prometheus-operator CRDs. */
    RenderedManifests customResources() {
        return filter(KubeObject::isCustomResource);
    }

    Stream<KubeObject> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind));
    }

    List<KubeObject> ofComponent(String component) {
        return objects.stream().filter(o -> component.equals(o.component())).toList();
    }

    /** The only object of this kind and component; fails when there are none or several. */
    KubeObject one(String kind, String component) {
        List<KubeObject> matches = ofKind(kind).filter(o -> component.equals(o.component())).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected exactly one " + kind + " with " + KubeObject.COMPONENT_LABEL + "="
                    + component + ", found " + matches + " among " + ids());
        }
        return matches.get(0);
    }

    Optional<KubeObject> find(String kind, String name) {
        return ofKind(kind).filter(o -> o.name().equals(name)).findFirst();
    }

    /**
     * The value a container sees for an environment variable: a literal value, a ConfigMap key it
     * references, or an entry of a ConfigMap it imports whole. Null when unset or from a Secret.
     */
    String env(JsonNode container, String name) {
        String literal = KubeObject.env(container, name);
        if (literal != null) {
            return literal;
        }
        for (JsonNode entry : container.path("env")) {
            JsonNode ref = entry.path("valueFrom").path("configMapKeyRef");
            if (name.equals(entry.path("name").asText()) && !ref.isMissingNode()) {
                return configMapValue(ref.path("name").asText(), ref.path("key").asText());
            }
        }
        String found = null;
        // Later envFrom sources win, as in the kubelet; explicit env entries win over all of them.
        for (JsonNode source : container.path("envFrom")) {
            JsonNode ref = source.path("configMapRef");
            if (!ref.isMissingNode()) {
                String key = name.startsWith(source.path("prefix").asText())
                        ? name.substring(source.path("prefix").asText().length()) : null;
                String value = key == null ? null : configMapValue(ref.path("name").asText(), key);
                if (value != null) {
                    found = value;
                }
            }
        }
        return found;
    }

    private String configMapValue(String configMap, String key) {
        return find("ConfigMap", configMap).map(c -> c.path("data", key).asText(null)).orElse(null);
    }

    List<String> ids() {
        return objects.stream().map(KubeObject::id).toList();
    }

    int size() {
        return objects.size();
    }

    boolean isEmpty() {
        return objects.isEmpty();
    }

    String toYaml() {
        StringWriter out = new StringWriter();
        try {
            for (KubeObject object : objects) {
                out.write("---\n");
                out.write(YAML.writeValueAsString(object.node()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the objects as one YAML stream, so each validator runs once over all of them. */
    Path writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, toYaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}

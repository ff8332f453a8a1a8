package dev.sluice.charts;

import java.nio.file.Path;

/** A deployment target of the chart: its namespace and its values file. */
enum Environment {
    DEV("sluice-dev", "values-dev.yaml"),
    PROD("sluice-prod", "values-prod.yaml");

    private final String namespace;
    private final String valuesFile;

    Environment(String namespace, String valuesFile) {
        this.namespace = namespace;
        this.valuesFile = valuesFile;
    }

    String namespace() {
        return namespace;
    }

    Path valuesFile() {
        return ChartRenderer.chart().resolve(valuesFile);
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}

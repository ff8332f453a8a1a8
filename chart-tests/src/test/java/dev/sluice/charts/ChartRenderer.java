package dev.sluice.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Renders and lints charts with the real Helm, embedded as a native library (helm-java), so no
 * helm binary has to be installed.
 */
final class ChartRenderer {
    static final String CHART = "charts/sluice";
    static final String RELEASE = "sluice";
    // Rendered for the Kubernetes version the schemas are checked against, so templates that branch
    // on .Capabilities.KubeVersion produce what is validated.
    static final String KUBE_VERSION = "v" + KubernetesValidate.KUBERNETES_VERSION;

    private static final Map<Environment, String> RENDERED = new EnumMap<>(Environment.class);

    private ChartRenderer() {
    }

    static Path chart() {
        return RepoRoot.resolve(CHART);
    }

    /** The chart as deployed to this environment; rendered once per test run. */
    static synchronized RenderedManifests render(Environment environment) {
        return RenderedManifests.parse(RENDERED.computeIfAbsent(environment, e ->
                template(chart(), e.namespace(), List.of(e.valuesFile()), Map.of())));
    }

    /** helm template; throws with Helm's message when the values or the templates are wrong. */
    static String template(Path chart, String namespace, List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand command = new Helm(chart).template()
                .withName(RELEASE)
                .withNamespace(namespace)
                .withKubeVersion(KUBE_VERSION);
        valuesFiles.forEach(command::withValuesFile);
        sets.forEach(command::set);
        return command.call();
    }

    /** helm lint --strict: warnings fail too. */
    static LintResult lint(Path chart) {
        return new Helm(chart).lint().strict().call();
    }
}

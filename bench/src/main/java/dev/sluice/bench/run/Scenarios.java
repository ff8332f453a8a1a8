package dev.sluice.bench.run;

import dev.sluice.bench.admission.AdmissionScenario;
import dev.sluice.bench.overhead.OverheadScenario;
import dev.sluice.bench.requests.RequestsScenario;
import dev.sluice.bench.scale.ScaleScenario;
import dev.sluice.bench.startup.StartupScenario;
import java.util.List;
import java.util.Optional;

/** Every scenario, in the order {@code all} runs them. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(
            new AdmissionScenario(),
            new OverheadScenario(),
            new RequestsScenario(),
            new ScaleScenario(),
            new StartupScenario());

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static Optional<Scenario> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}

package dev.sluice.bench.run;

import dev.sluice.bench.requests.RequestsScenario;
import dev.sluice.bench.startup.StartupScenario;
import java.util.List;
import java.util.Optional;

/** Every scenario, in the order {@code all} runs them. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(
            new RequestsScenario(),
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

package dev.sluice.bench.run;

/** One benchmark: starts what it needs, measures, stops everything and reports numbers. */
public interface Scenario {

    /** The name on the command line. */
    String name();

    /** One line for the usage text. */
    String description();

    ScenarioReport run(BenchRun run) throws Exception;
}

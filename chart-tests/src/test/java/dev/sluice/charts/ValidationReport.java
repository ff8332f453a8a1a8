package dev.sluice.charts;

import java.util.List;

/** What one validator said about a set of objects: those it passed and every problem it reported. */
record ValidationReport(String validator, int objects, List<String> passed, List<String> problems) {
    ValidationReport {
        passed = List.copyOf(passed);
        problems = List.copyOf(problems);
    }

    boolean clean() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return validator + ": " + passed.size() + " of " + objects + " objects passed"
                + (problems.isEmpty() ? "" : ", problems:\n  " + String.join("\n  ", problems));
    }
}

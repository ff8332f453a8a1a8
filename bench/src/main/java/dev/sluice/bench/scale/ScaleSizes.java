package dev.sluice.bench.scale;

import java.util.List;

/**
 * How big the scale scenario is. The issue asks for 10,000 tasks per fleet size, but against the local
 * emulators one worker drains only about 10-15 tasks/s on 2 cores (moto serves one request at a time),
 * so three fleets would take about 40 minutes. The default full size is {@value #FULL_TASKS}, which
 * keeps the scenario near 10 minutes; {@value #TASKS_VARIABLE}{@code =10000} runs the issue's size.
 * {@code --quick} drains 60.
 *
 * @param tasks           tasks per fleet size
 * @param warmupPerWorker tasks per worker process drained (and not measured) before the first fleet
 * @param fleets          the numbers of worker processes, in the order they drain
 * @param smoke           whether this is the --quick size
 */
record ScaleSizes(int tasks, int warmupPerWorker, List<Integer> fleets, boolean smoke) {
    static final String TASKS_VARIABLE = "SLUICE_BENCH_SCALE_TASKS";
    static final int ISSUE_TASKS = 10_000;
    static final int FULL_TASKS = 2_000;
    static final List<Integer> FLEETS = List.of(1, 2, 4);

    static ScaleSizes quick() {
        return new ScaleSizes(60, 5, FLEETS, true);
    }

    /** The full size, or {@value #TASKS_VARIABLE} when it is set. */
    static ScaleSizes full(String tasksVariable) {
        int tasks = FULL_TASKS;
        if (tasksVariable != null && !tasksVariable.isBlank()) {
            try {
                tasks = Integer.parseInt(tasksVariable.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(TASKS_VARIABLE + " must be a whole number, was '" + tasksVariable + "'");
            }
            if (tasks < 1) {
                throw new IllegalArgumentException(TASKS_VARIABLE + " must be at least 1, was " + tasks);
            }
        }
        return new ScaleSizes(tasks, 50, FLEETS, false);
    }

    int workers() {
        return fleets.stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}

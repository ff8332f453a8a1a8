package dev.sluice.bench.scale;

import dev.sluice.bench.run.ScenarioReport;
import dev.sluice.bench.stack.BenchStack;
import dev.sluice.modelsim.ModelSimSettings;
import java.util.List;

/** The scale scenario's table, and what bounds its numbers. */
final class ScaleReport {
    private ScaleReport() {
    }

    static ScenarioReport of(ScaleSizes sizes, List<ScaleScenario.Fleet> fleets) {
        ScenarioReport report = new ScenarioReport("scale: one batch, 1 to " + sizes.workers() + " worker processes");
        ScenarioReport.Table table = report.table(String.format("Model latency %s (simulator capacity %d, 64x64 "
                        + "PNG); concurrency %d per worker process; %d tasks per fleet size; JVM options %s; %d CPUs.",
                        ScaleScenario.LATENCY.describe(), ModelSimSettings.DEFAULT_MAX_CONCURRENCY,
                        ScaleScenario.CONCURRENCY, sizes.tasks(), String.join(" ", BenchStack.JVM_OPTIONS),
                        Runtime.getRuntime().availableProcessors()),
                "worker processes", "concurrency (total)", "tasks", "drain (s)", "tasks/s", "speed-up vs 1",
                "COMPLETED in DynamoDB", "outputs in S3");
        double single = fleets.stream().filter(f -> f.workers() == 1).findFirst()
                .map(f -> f.result().tasksPerSecond()).orElse(Double.NaN);
        for (ScaleScenario.Fleet fleet : fleets) {
            double rate = fleet.result().tasksPerSecond();
            table.row(fleet.workers(), fleet.workers() * ScaleScenario.CONCURRENCY, fleet.result().tasks(),
                    String.format("%.2f", fleet.result().drain().seconds()), String.format("%.1f", rate),
                    String.format("%.2f", rate / single), fleet.result().completed(), fleet.result().outputs());
        }
        report.note("Drain time runs from the first receive to the moment the queue holds no message, visible or "
                + "in flight (queue counts read every 20 ms). Every worker was started and warmed up (%d tasks "
                + "each) first; the workers not in a fleet are stopped (SIGSTOP) during its drain.",
                sizes.warmupPerWorker());
        report.note("Bounded by the emulators and the CPU, not by the workers: moto serves DynamoDB and S3 one "
                + "request at a time (the local stack serialises it so that conditional writes are atomic) and "
                + "every task costs 4 of them (lease acquire, job read, S3 put, commit); moto, ElasticMQ, the model "
                + "simulator and every worker JVM share %d CPUs. More worker processes can only hide latency "
                + "until moto is busy all the time, so the speed-up here says how far this machine lets a fleet "
                + "grow, not how far Sluice does: workers share nothing but the queue and the table.",
                Runtime.getRuntime().availableProcessors());
        report.note("After each drain its job and task items are deleted, so every fleet starts from the same "
                + "table size: moto's Query reads every item of the table, and a growing table would slow the "
                + "later fleets.");
        if (!sizes.smoke() && sizes.tasks() != ScaleSizes.ISSUE_TASKS) {
            report.note("%,d tasks per fleet size, not the issue's %,d, so that the scenario fits in about 10 "
                    + "minutes at the rates the emulators allow; %s=%d runs the issue's size.", sizes.tasks(),
                    ScaleSizes.ISSUE_TASKS, ScaleSizes.TASKS_VARIABLE, ScaleSizes.ISSUE_TASKS);
        }
        return report;
    }
}

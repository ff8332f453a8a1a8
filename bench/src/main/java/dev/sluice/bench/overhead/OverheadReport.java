package dev.sluice.bench.overhead;

import dev.sluice.bench.run.ScenarioReport;
import dev.sluice.bench.stack.BenchStack;
import dev.sluice.modelsim.ModelSimSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The overhead scenario's tables: every run, then the pairs with their ratio, then what bounds them. */
final class OverheadReport {
    private OverheadReport() {
    }

    static ScenarioReport of(OverheadScenario.Sizes sizes, List<OverheadScenario.Run> runs) {
        ScenarioReport report = new ScenarioReport("overhead: one worker vs a naive SQS consumer");
        ScenarioReport.Table table = report.table(String.format("Model latency %s (simulator capacity %d, "
                        + "64x64 PNG); concurrency %d per consumer process; %d tasks per run; runs alternate; "
                        + "JVM options %s; %d CPUs.", OverheadScenario.LATENCY.describe(),
                        ModelSimSettings.DEFAULT_MAX_CONCURRENCY, OverheadScenario.CONCURRENCY,
                        sizes.tasks(), String.join(" ", BenchStack.JVM_OPTIONS),
                        Runtime.getRuntime().availableProcessors()),
                "run", "consumer", "tasks", "drain (s)", "tasks/s", "COMPLETED in DynamoDB", "outputs in S3");
        for (OverheadScenario.Run run : runs) {
            table.row(run.number(), run.consumer(), run.result().tasks(),
                    String.format("%.2f", run.result().drain().seconds()),
                    String.format("%.1f", run.result().tasksPerSecond()),
                    run.byWorker() ? run.result().completed() : "n/a (untracked)", run.result().outputs());
        }
        ScenarioReport.Table pairs = report.table("Each worker run and the naive run after it.",
                "pair", "worker tasks/s", "naive tasks/s", "naive ÷ worker");
        List<Double> workerRates = new ArrayList<>();
        List<Double> naiveRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i + 1 < runs.size(); i += 2) {
            double worker = runs.get(i).result().tasksPerSecond();
            double naive = runs.get(i + 1).result().tasksPerSecond();
            workerRates.add(worker);
            naiveRates.add(naive);
            ratios.add(naive / worker);
            pairs.row(i / 2 + 1, String.format("%.1f", worker), String.format("%.1f", naive),
                    String.format("%.2f", naive / worker));
        }
        pairs.row("median", String.format("%.1f", median(workerRates)), String.format("%.1f", median(naiveRates)),
                String.format("%.2f", median(ratios)));
        report.note("Drain time runs from the first receive to the moment the queue holds no message, visible or "
                + "in flight (queue counts read every 20 ms); both consumers delete a message only when its task "
                + "is done, the worker after committing COMPLETED under its lease.");
        report.note("Per task the naive consumer makes 3 AWS calls (invoke, S3 put, SQS delete) plus its share of "
                + "a receive; the worker adds 3 DynamoDB calls (lease acquire, job read, commit), makes its S3 put "
                + "conditional (If-None-Match) and logs its progress as JSON lines. With a model that answers at "
                + "once no heartbeat fires (one every lease TTL / 3 = 10 s), so this is the lease protocol's cost "
                + "alone; a heartbeat adds one DynamoDB write per 10 s of model time.");
        report.note("Bounded by the emulators and the CPU, not by the model: moto serves DynamoDB and S3 one "
                + "request at a time (the local stack serialises it so that conditional writes are atomic), and "
                + "it, ElasticMQ, the model simulator and the consumer JVM share the machine's cores. A task costs "
                + "the worker 4 moto requests (acquire, job read, S3 put, commit) and the naive consumer 1, and "
                + "moto's requests are not equal: its Query (the job read) walks every item of the "
                + "table, which holds the batch's items, so the ratio grows with the batch and says what moto "
                + "costs, not what the protocol costs on AWS, where each call is a network round trip of a few "
                + "milliseconds served in parallel.");
        report.note("A model that answers at once is the worst case for the worker: its fixed cost per task is set "
                + "against nothing else, where a real model adds seconds per task to both consumers alike. After "
                + "each run its job and task items are deleted, so every run starts from the same table size "
                + "(moto's Query reads every item of the table).");
        return report;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

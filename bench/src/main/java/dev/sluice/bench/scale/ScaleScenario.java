package dev.sluice.bench.scale;

import dev.sluice.bench.drain.ConsumerSettings;
import dev.sluice.bench.drain.MeasuredDrain;
import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.run.Scenario;
import dev.sluice.bench.run.ScenarioReport;
import dev.sluice.bench.stack.BenchStack;
import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.ProvisioningSettings;
import dev.sluice.modelsim.LatencySpec;
import dev.sluice.modelsim.ModelSimSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue item 4: the same batch drained by 1, 2 and 4 worker processes of fixed concurrency. All
 * workers are started and warmed up first; for each fleet size the others stay stopped, so every
 * drain starts with warm workers and the whole batch in the queue.
 */
public final class ScaleScenario implements Scenario {
    static final int CONCURRENCY = 8;
    static final LatencySpec LATENCY = LatencySpec.none();
    private static final Duration READY = Duration.ofSeconds(180);

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public String description() {
        return "drain one batch with 1, 2 and 4 worker processes: throughput, speed-up";
    }

    @Override
    public ScenarioReport run(BenchRun run) throws Exception {
        ScaleSizes sizes = run.quick() ? ScaleSizes.quick() : ScaleSizes.full(System.getenv(ScaleSizes.TASKS_VARIABLE));
        ConsumerSettings consumers = new ConsumerSettings(CONCURRENCY);
        List<Fleet> fleets = new ArrayList<>();
        try (BenchStack stack = BenchStack.start(run, ModelSimSettings.defaults().withLatency(LATENCY),
                ProvisioningSettings.defaults())) {
            run.say("starting %d workers (concurrency %d each) ...", sizes.workers(), CONCURRENCY);
            List<AppProcess> workers = new ArrayList<>();
            for (int i = 1; i <= sizes.workers(); i++) {
                workers.add(stack.launch("worker", "worker-" + i, consumers.environment()));
            }
            List<Long> pids = new ArrayList<>();
            for (AppProcess worker : workers) {
                pids.add(worker.awaitReady(READY).pid());
            }
            try (MeasuredDrain drains = new MeasuredDrain(stack, run)) {
                pids.forEach(drains::register);
                drains.drain("scale-warmup", sizes.warmupPerWorker() * pids.size(), pids);
                for (int size : sizes.fleets()) {
                    MeasuredDrain.Result result = drains.drain("scale-" + size + "-workers", sizes.tasks(),
                            pids.subList(0, size));
                    fleets.add(new Fleet(size, result));
                }
            }
        }
        return ScaleReport.of(sizes, fleets);
    }

    /** One fleet size's drain. */
    record Fleet(int workers, MeasuredDrain.Result result) {
    }
}

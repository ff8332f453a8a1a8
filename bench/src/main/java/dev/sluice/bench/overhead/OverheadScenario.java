package dev.sluice.bench.overhead;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue item 2: what the lease protocol costs. One worker process and one {@link NaiveConsumer}
 * process, same concurrency, same servers, a model that answers at once, take turns draining
 * equal batches of real tasks; the ratio of their rates is the price of the safety.
 */
public final class OverheadScenario implements Scenario {
    static final int CONCURRENCY = 8;
    static final LatencySpec LATENCY = LatencySpec.none();
    private static final Duration READY = Duration.ofSeconds(180);

    /** Tasks per measured run, measured pairs (worker then naive), and warm-up tasks per consumer. */
    record Sizes(int tasks, int pairs, int warmup) {
    }

    static final Sizes QUICK = new Sizes(50, 2, 10);
    static final Sizes FULL = new Sizes(1_500, 3, 200);

    @Override
    public String name() {
        return "overhead";
    }

    @Override
    public String description() {
        return "tasks/s of one worker vs a naive SQS consumer (no lease), zero-latency model";
    }

    @Override
    public ScenarioReport run(BenchRun run) throws Exception {
        Sizes sizes = run.quick() ? QUICK : FULL;
        ConsumerSettings consumers = new ConsumerSettings(CONCURRENCY);
        ModelSimSettings model = ModelSimSettings.defaults().withLatency(LATENCY);
        List<Run> runs = new ArrayList<>();
        try (BenchStack stack = BenchStack.start(run, model, ProvisioningSettings.defaults())) {
            run.say("starting one worker and the naive consumer (concurrency %d each) ...", CONCURRENCY);
            AppProcess worker = stack.startWorker("worker", consumers.environment());
            Map<String, String> naiveEnv = new HashMap<>(stack.appEnvironment());
            naiveEnv.putAll(consumers.environment());
            try (NaiveConsumerProcess naive = NaiveConsumerProcess.start(naiveEnv, run.logs().resolve("naive.log"),
                    ConsumerSettings.WAIT_SECONDS, ConsumerSettings.VISIBILITY_SECONDS).awaitReady(READY);
                 MeasuredDrain drains = new MeasuredDrain(stack, run)) {
                drains.register(worker.pid());
                drains.register(naive.pid());
                drains.drain("overhead-warmup-worker", sizes.warmup(), List.of(worker.pid()));
                drains.drain("overhead-warmup-naive", sizes.warmup(), List.of(naive.pid()));
                for (int pair = 1; pair <= sizes.pairs(); pair++) {
                    MeasuredDrain.Result byWorker = drains.drain("overhead-worker-" + pair, sizes.tasks(),
                            List.of(worker.pid()));
                    runs.add(new Run(runs.size() + 1, "worker", byWorker));
                    MeasuredDrain.Result byNaive = drains.drain("overhead-naive-" + pair, sizes.tasks(),
                            List.of(naive.pid()));
                    runs.add(new Run(runs.size() + 1, "naive", byNaive));
                }
            }
        }
        return OverheadReport.of(sizes, runs);
    }

    /** One measured run by the {@code consumer} named. */
    record Run(int number, String consumer, MeasuredDrain.Result result) {
        boolean byWorker() {
            return consumer.equals("worker");
        }
    }
}

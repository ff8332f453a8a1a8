package dev.sluice.modelsim;

import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/** Runs a simulator from the command line until the process is stopped. */
public final class ModelSimMain {

    private ModelSimMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("java.awt.headless", "true");
        CliCommand command = CliParser.parse(args, System.getenv());
        if (command instanceof CliCommand.ShowHelp) {
            System.out.print(CliParser.USAGE);
            return;
        }
        if (command instanceof CliCommand.Invalid invalid) {
            System.err.println("sluice-model-sim: " + invalid.message());
            System.err.print(CliParser.USAGE);
            System.exit(CliCommand.Invalid.EXIT_CODE);
        }
        ModelSimSettings settings = ((CliCommand.Run) command).settings();
        ModelSim sim;
        try {
            sim = ModelSim.start(settings);
        } catch (UncheckedIOException e) {
            System.err.println("sluice-model-sim: " + e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.stop();
            stopped.countDown();
        }, "model-sim-shutdown"));
        System.out.println(describe(settings, sim));
        System.out.flush();
        stopped.await();
    }

    /** The one start-up line: where it listens and how it will behave. */
    static String describe(ModelSimSettings settings, ModelSim sim) {
        FailureRates rates = settings.failureRates();
        return "sluice-model-sim listening on http://" + settings.bindAddress() + ":" + sim.port()
                + " (latency " + settings.latency().describe()
                + ", failure rates model-5xx=" + rates.transientRate() + " throttle=" + rates.throttleRate()
                + " unavailable=" + rates.unavailableRate() + " model-4xx=" + rates.permanentRate()
                + ", seed " + (settings.seed() == null ? "random" : settings.seed())
                + ", " + settings.faults().size() + " fault rule(s))";
    }
}

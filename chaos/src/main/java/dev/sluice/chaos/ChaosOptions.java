package dev.sluice.chaos;

import dev.sluice.modelsim.LatencySpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chaos run's command line. Every number has a default that makes a short but meaningful run, so
 * {@code ./chaos.sh --kill-every 8 --pause-one --outage 5 --poison 6} is a complete invocation.
 *
 * @param logs where worker, API, reaper and server logs go; null for a fresh directory per run
 */
public record ChaosOptions(
        int tasks,
        int workers,
        int concurrency,
        Duration killEvery,
        boolean pauseOne,
        Duration pauseAt,
        Duration pauseFor,
        Duration outage,
        List<OutageTarget> outageTargets,
        Duration outageAt,
        int poison,
        long seed,
        Duration leaseTtl,
        LatencySpec modelLatency,
        double transientRate,
        int maxReceives,
        Duration timeout,
        Path logs,
        boolean dryRun,
        boolean help) {

    public static final String USAGE = """
            usage: ./chaos.sh [--tasks N] [--workers W] [--kill-every SECONDS] [--pause-one] [--outage SECONDS]
                              [--outage-target sqs|dynamodb|both[,...]] [--poison P] [--seed S] [extras]
              --tasks N            tasks (one image job each) submitted through the API (default 100)
              --workers W          worker processes kept running (default 3)
              --kill-every S       SIGKILL a random worker every S seconds (+-50% jitter from the seed) and
                                   start a replacement; 0 = never (default 0)
              --pause-one          SIGSTOP one worker while it holds a lease, for longer than the lease TTL
                                   and until another worker took one of its tasks over (at most 120 s),
                                   then SIGCONT it
              --outage S           make the target endpoint refuse connections for S seconds, then bring it
                                   back with its state; 0 = no outage (default 0)
              --outage-target T    sqs, dynamodb or both (default sqs); a comma list runs one outage per
                                   entry, one after the other: sqs,dynamodb
              --poison P           tasks the model always fails: about half permanently (model 4xx, the worker
                                   fails them), the rest transiently (model 5xx, they end in the DLQ) (default 0)
              --seed S             seed for poison choice, kill times and victims, pause and model draws
                                   (default: random, printed in the final line)
            extras:
              --concurrency C      tasks per worker process (default 4)
              --lease-ttl S        worker lease TTL in seconds; heartbeats every third (default 3)
              --model-latency L    fixed:MS | uniform:MIN-MAX | normal:MEAN,SD (default uniform:1500-4000)
              --transient-rate R   probability of a transient model failure per call (default 0.05)
              --max-receives M     SQS maxReceiveCount before the DLQ (default 5, as provisioned by default)
              --pause-at S         earliest start of the pause, in seconds after the first submission; it also
                                   waits until all tasks are submitted and the backlog is small (default 8)
              --pause-for S        least time the paused worker stays stopped (default 10, must exceed the TTL)
              --outage-at S        seconds after the first submission when the first outage starts (default 25)
              --timeout S          give up waiting for the tasks to settle after S seconds (default 900)
              --logs DIR           log directory (default .local/chaos/run-<time>-<seed>)
              --dry-run            check the arguments, print the planned scenario as JSON, start nothing
              -h, --help           this text
            Prints progress on stderr and one JSON line on stdout. Exit 0 when every invariant holds,
            1 when one fails, 2 on bad arguments, 3 when the harness itself could not run.""";

    public ChaosOptions {
        outageTargets = List.copyOf(outageTargets);
        if (tasks < 1) {
            throw new IllegalArgumentException("--tasks must be at least 1");
        }
        if (poison < 0 || poison > tasks) {
            throw new IllegalArgumentException("--poison must be 0.." + tasks + ", was " + poison);
        }
        if (pauseOne && pauseFor.compareTo(leaseTtl) <= 0) {
            throw new IllegalArgumentException("--pause-for (" + seconds(pauseFor) + " s) must exceed --lease-ttl ("
                    + seconds(leaseTtl) + " s): the point is that the lease expires while the worker is stopped");
        }
        if (leaseTtl.toMillis() < 300) {
            throw new IllegalArgumentException("--lease-ttl must be at least 0.3 s");
        }
    }

    public static ChaosOptions defaults() {
        return new ChaosOptions(100, 3, 4, Duration.ZERO, false, Duration.ofSeconds(8), Duration.ofSeconds(10),
                Duration.ZERO, List.of(OutageTarget.SQS), Duration.ofSeconds(25), 0, System.nanoTime(),
                Duration.ofSeconds(3), LatencySpec.parse("uniform:1500-4000"), 0.05, 5, Duration.ofSeconds(900),
                null, false, false);
    }

    /** Parses the command line; throws {@link IllegalArgumentException} with a readable message. */
    public static ChaosOptions parse(String[] args) {
        ChaosOptions d = defaults();
        int tasks = d.tasks;
        int workers = d.workers;
        int concurrency = d.concurrency;
        Duration killEvery = d.killEvery;
        boolean pauseOne = d.pauseOne;
        Duration pauseAt = d.pauseAt;
        Duration pauseFor = d.pauseFor;
        Duration outage = d.outage;
        List<OutageTarget> targets = d.outageTargets;
        Duration outageAt = d.outageAt;
        int poison = d.poison;
        long seed = d.seed;
        Duration leaseTtl = d.leaseTtl;
        LatencySpec latency = d.modelLatency;
        double transientRate = d.transientRate;
        int maxReceives = d.maxReceives;
        Duration timeout = d.timeout;
        Path logs = d.logs;
        boolean dryRun = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "--dry-run" -> dryRun = true;
                case "--tasks" -> tasks = integer(arg, value(args, ++i, arg), 1, 100_000);
                case "--workers" -> workers = integer(arg, value(args, ++i, arg), 1, 16);
                case "--concurrency" -> concurrency = integer(arg, value(args, ++i, arg), 1, 64);
                case "--kill-every" -> killEvery = duration(arg, value(args, ++i, arg), true);
                case "--pause-one" -> pauseOne = true;
                case "--pause-at" -> pauseAt = duration(arg, value(args, ++i, arg), true);
                case "--pause-for" -> pauseFor = duration(arg, value(args, ++i, arg), false);
                case "--outage" -> outage = duration(arg, value(args, ++i, arg), true);
                case "--outage-target" -> targets = targets(value(args, ++i, arg));
                case "--outage-at" -> outageAt = duration(arg, value(args, ++i, arg), true);
                case "--poison" -> poison = integer(arg, value(args, ++i, arg), 0, 100_000);
                case "--seed" -> seed = longValue(arg, value(args, ++i, arg));
                case "--lease-ttl" -> leaseTtl = duration(arg, value(args, ++i, arg), false);
                case "--model-latency" -> latency = LatencySpec.parse(value(args, ++i, arg));
                case "--transient-rate" -> transientRate = rate(arg, value(args, ++i, arg));
                case "--max-receives" -> maxReceives = integer(arg, value(args, ++i, arg), 2, 1000);
                case "--timeout" -> timeout = duration(arg, value(args, ++i, arg), false);
                case "--logs" -> logs = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new ChaosOptions(tasks, workers, concurrency, killEvery, pauseOne, pauseAt, pauseFor, outage, targets,
                outageAt, poison, seed, leaseTtl, latency, transientRate, maxReceives, timeout, logs, dryRun, help);
    }

    public boolean kills() {
        return !killEvery.isZero();
    }

    public boolean outages() {
        return !outage.isZero();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String option, String value, int min, int max) {
        long n = longValue(option, value);
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be " + min + ".." + max + ", was " + value);
        }
        return (int) n;
    }

    private static long longValue(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was " + value);
        }
    }

    /** Seconds, fractions allowed ({@code 1.5}); {@code ms}, {@code s} and {@code m} suffixes accepted too. */
    static Duration duration(String option, String value, boolean zeroAllowed) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        double factorMillis = 1000;
        if (text.endsWith("ms")) {
            factorMillis = 1;
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("s")) {
            text = text.substring(0, text.length() - 1);
        } else if (text.endsWith("m")) {
            factorMillis = 60_000;
            text = text.substring(0, text.length() - 1);
        }
        double amount;
        try {
            amount = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number of seconds, was " + value);
        }
        if (!(amount >= 0) || amount * factorMillis > 86_400_000d || (!zeroAllowed && amount == 0)) {
            throw new IllegalArgumentException(option + " must be " + (zeroAllowed ? "0" : "more than 0")
                    + " up to a day, was " + value);
        }
        return Duration.ofMillis(Math.round(amount * factorMillis));
    }

    private static double rate(String option, String value) {
        try {
            double r = Double.parseDouble(value.trim());
            if (!(r >= 0 && r <= 0.5)) {
                throw new IllegalArgumentException(option + " must be within 0..0.5, was " + value);
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was " + value);
        }
    }

    private static List<OutageTarget> targets(String value) {
        List<OutageTarget> targets = new ArrayList<>();
        for (String part : value.split(",")) {
            targets.add(OutageTarget.parse(part));
        }
        return targets;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }
}

package dev.sluice.reaper.cli;

import dev.sluice.reaper.json.Json;
import dev.sluice.reaper.run.ReapRun;
import dev.sluice.reaper.run.RunOptions;
import dev.sluice.reaper.run.RunSummary;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", description =
        "One maintenance run (the default command): takes the singleton lock, reclaims expired "
        + "leases (two looks, same fencing token), releases leases of gone worker pods, fails "
        + "dead-lettered tasks, re-enqueues stuck PENDING tasks, deletes orphaned uploads and "
        + "outputs. Prints one JSON summary line; exit code 1 if anything failed, 0 if another run "
        + "holds the lock.")
public class RunCommand implements Callable<Integer> {

    @Option(names = "--second-look", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Take the second look at expired leases in this run after this delay (e.g. 45s)"
                    + " instead of at the next run.")
    Duration secondLook;

    @Spec
    CommandSpec spec;

    private final ReapRun run;

    public RunCommand(ReapRun run) {
        this.run = run;
    }

    @Override
    public Integer call() {
        RunSummary summary = run.run(new RunOptions(Optional.ofNullable(secondLook)));
        spec.commandLine().getOut().println(Json.line(summary.toJson()));
        spec.commandLine().getOut().flush();
        return summary.exitCode();
    }
}

package dev.sluice.reaper.dlq;

import dev.sluice.reaper.cli.DurationConverter;
import dev.sluice.reaper.json.Json;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "redrive", description =
        "Redrives DLQ messages: resets the task (PENDING, attempts 0), sends a fresh message to the"
        + " task queue, deletes the DLQ message. Messages of COMPLETED tasks are deleted as stale; "
        + "tasks under a live lease or missing from the table are left. Holds the reaper lock "
        + "meanwhile. Prints one JSON line. Exit code 3 if a --task had no DLQ message, 1 on errors "
        + "or a busy lock.")
public class DlqRedriveCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static class Which {
        @Option(names = "--all", required = true, description = "Every DLQ message.")
        boolean all;

        @Option(names = "--task", required = true, arity = "1..*", paramLabel = "<taskId>",
                description = "Only the messages of these tasks (repeatable).")
        List<String> taskIds;
    }

    @Option(names = "--lock-wait", paramLabel = "<duration>", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait while a reaper run holds the lock (default: ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Spec
    CommandSpec spec;

    private final Redrive redrive;

    public DlqRedriveCommand(Redrive redrive) {
        this.redrive = redrive;
    }

    @Override
    public Integer call() throws InterruptedException {
        RedriveSelection selection = which.all ? new RedriveSelection.All()
                : new RedriveSelection.Tasks(new LinkedHashSet<>(which.taskIds));
        RedriveReport report = redrive.redrive(selection, lockWait);
        spec.commandLine().getOut().println(Json.line(report.toJson()));
        spec.commandLine().getOut().flush();
        return report.exitCode();
    }
}

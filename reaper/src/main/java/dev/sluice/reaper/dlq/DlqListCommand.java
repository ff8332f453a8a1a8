package dev.sluice.reaper.dlq;

import dev.sluice.core.job.Task;
import dev.sluice.core.store.JobStore;
import dev.sluice.reaper.cli.ExitCodes;
import dev.sluice.reaper.config.ReaperConfig;
import dev.sluice.reaper.json.Json;
import dev.sluice.reaper.queue.DeadLetter;
import dev.sluice.reaper.queue.DeadLetterQueue;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description =
        "Prints one JSON line per DLQ message with the state of its task (status, attempts, "
        + "lastError, lease owner and fencing token); malformed messages with the reason and a body "
        + "excerpt. Messages stay in the DLQ. A count goes to stderr.")
public class DlqListCommand implements Callable<Integer> {

    @Option(names = "--limit", paramLabel = "<n>",
            description = "Read at most this many messages (default: sluice.reaper.dlq.max-per-run).")
    Integer limit;

    @Spec
    CommandSpec spec;

    private final DeadLetterQueue dlq;
    private final JobStore jobs;
    private final ReaperConfig config;
    private final Clock clock;

    public DlqListCommand(DeadLetterQueue dlq, JobStore jobs, ReaperConfig config, Clock clock) {
        this.dlq = dlq;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<DeadLetter> letters = dlq.scan(limit == null ? config.dlq().maxPerRun() : Math.max(1, limit));
        try {
            for (DeadLetter letter : letters) {
                Optional<Task> task = letter instanceof DeadLetter.Task
                        ? jobs.findTask(((DeadLetter.Task) letter).message().ref()) : Optional.empty();
                out.println(Json.line(DeadLetterJson.of(letter, task, clock.instant())));
            }
        } finally {
            dlq.release(letters);
        }
        out.flush();
        spec.commandLine().getErr().println(letters.size() + " message(s) in " + dlq.url());
        return ExitCodes.OK;
    }
}

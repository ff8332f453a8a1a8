package dev.sluice.reaper.task;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.Task;
import dev.sluice.core.store.JobStore;
import dev.sluice.reaper.cli.ExitCodes;
import dev.sluice.reaper.json.Json;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description =
        "Prints a job and its tasks as one JSON line: status, attempts, lease owner, fencing token,"
        + " lease expiry and whether the lease is live, last error, output, timestamps. Exit code 3 "
        + "when the job or task does not exist.")
public class TaskShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<jobId>", description = "The job.")
    String jobId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<taskId>",
            description = "Only this task: its full ID, or its index in the job (0 is <jobId>-0).")
    String taskId;

    @Spec
    CommandSpec spec;

    private final JobStore jobs;
    private final Clock clock;

    public TaskShowCommand(JobStore jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Optional<Job> job = jobs.find(jobId);
        if (job.isEmpty()) {
            spec.commandLine().getErr().println("job " + jobId + " not found");
            return ExitCodes.NOT_FOUND;
        }
        List<Task> tasks = job.get().tasks();
        if (taskId != null) {
            String wanted = taskId.chars().allMatch(Character::isDigit) ? jobId + "-" + taskId : taskId;
            tasks = tasks.stream().filter(t -> t.ref().taskId().equals(wanted)).toList();
            if (tasks.isEmpty()) {
                spec.commandLine().getErr().println("task " + wanted + " not found in job " + jobId);
                return ExitCodes.NOT_FOUND;
            }
        }
        spec.commandLine().getOut().println(Json.line(TaskJson.job(job.get(), tasks, clock.instant())));
        return ExitCodes.OK;
    }
}

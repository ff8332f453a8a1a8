package dev.sluice.bench.drain;

import dev.sluice.bench.run.BenchRun;
import dev.sluice.bench.stack.BenchStack;
import dev.sluice.core.job.TaskRef;
import dev.sluice.devstack.AwsClients;
import dev.sluice.devstack.SluiceResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One batch drained by chosen consumer processes, the others stopped: every consumer is stopped, the
 * batch is written (items, then messages), the chosen ones are resumed and the queue is watched until
 * it is empty (see {@link QueueWatch}). The batch's items are then counted by status and deleted.
 * Closing resumes every consumer, so they can be shut down.
 */
public final class MeasuredDrain implements AutoCloseable {
    /**
     * Longer than a consumer's long-poll wait (1 s in these scenarios): a receive sent just before the
     * stop has come back empty before the first message of the batch is sent.
     */
    static final Duration QUIET = Duration.ofSeconds(2);

    private final BenchRun run;
    private final TaskSeeder seeder;
    private final QueueWatch watch;
    private final TaskStatuses statuses;
    private final OutputCount outputs;
    private final Set<Long> consumers = new LinkedHashSet<>();

    public MeasuredDrain(BenchStack stack, BenchRun run) {
        AwsClients clients = stack.devStack().clients();
        SluiceResources resources = stack.devStack().resources();
        this.run = run;
        this.seeder = new TaskSeeder(clients.dynamo(), resources.table(), clients.sqs(), resources.queueUrl());
        this.watch = new QueueWatch(clients.sqs(), resources.queueUrl());
        this.statuses = new TaskStatuses(clients.dynamo(), resources.table());
        this.outputs = new OutputCount(clients.s3(), resources.bucket());
    }

    /** A consumer process (by pid) to keep stopped while another drains; started and ready. */
    public void register(long pid) {
        consumers.add(pid);
    }

    /**
     * What a drain saw: its size, its timing from the first receive, how many of its tasks DynamoDB
     * held as COMPLETED afterwards, and how many outputs it left in S3.
     */
    public record Result(String ownerId, int tasks, QueueWatch.Drain drain, int completed, long outputs) {
        public double tasksPerSecond() {
            return tasks / drain.seconds();
        }
    }

    /** Seeds {@code count} tasks of {@code ownerId} and drains them with {@code active} (registered pids). */
    public Result drain(String ownerId, int count, List<Long> active) {
        if (!consumers.containsAll(active)) {
            throw new IllegalArgumentException("not registered: " + active);
        }
        consumers.forEach(ProcessPause::stop);
        long stopped = System.nanoTime();
        List<TaskRef> tasks = seeder.create(ownerId, count);
        double createSeconds = (System.nanoTime() - stopped) / 1e9;
        long quietLeft = QUIET.toNanos() - (System.nanoTime() - stopped);
        if (quietLeft > 0) {
            QueueWatch.sleep(Duration.ofNanos(quietLeft));
        }
        QueueWatch.Counts before = watch.counts();
        if (before.total() != 0) {
            throw new IllegalStateException("queue not empty before a batch: " + before);
        }
        long sendStart = System.nanoTime();
        seeder.enqueue(ownerId, tasks);
        run.say("%s: %d tasks created in %.1f s, sent in %.1f s; draining with %d process(es) ...", ownerId, count,
                createSeconds, (System.nanoTime() - sendStart) / 1e9, active.size());
        active.forEach(ProcessPause::resume);
        QueueWatch.Drain drain = watch.awaitDrain(count, Duration.ofSeconds(60).plusMillis(200L * count));
        Result result = new Result(ownerId, count, drain, statuses.completed(tasks), outputs.of(ownerId));
        seeder.delete(tasks);
        run.say("%s: drained in %.2f s (%.1f tasks/s); %d COMPLETED, %d outputs", ownerId, drain.seconds(),
                result.tasksPerSecond(), result.completed(), result.outputs());
        return result;
    }

    /** Resumes every consumer (a stopped process would not see SIGTERM) and stops seeding. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (long pid : consumers) {
            try {
                ProcessPause.resume(pid);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        seeder.close();
        if (!failures.isEmpty()) {
            run.say("could not resume every consumer: %s", failures);
        }
    }
}

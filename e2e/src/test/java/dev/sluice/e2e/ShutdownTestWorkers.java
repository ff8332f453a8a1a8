package dev.sluice.e2e;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.NewJob;
import dev.sluice.core.job.TaskRef;
import dev.sluice.core.message.TaskMessage;
import dev.sluice.core.message.TaskMessageCodec;
import dev.sluice.core.store.JobCreation;
import dev.sluice.core.store.JobStore;
import dev.sluice.devstack.AppProcess;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.ProvisioningSettings;
import dev.sluice.devstack.ResourceProvisioner;
import dev.sluice.devstack.SluiceResources;
import dev.sluice.localaws.ProjectRoot;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.regions.Region;

/**
 * Packaged workers as processes on a queue of their own (same table and bucket as the shared stack),
 * so that no other worker of this JVM, e.g. those of {@link RunningSystem}, can take their tasks.
 */
final class ShutdownTestWorkers implements AutoCloseable {
    static final String OWNER = "shutdown-e2e";
    private static final String QUEUE = "sluice-shutdown-e2e";

    private final DevStack stack;
    private final SluiceResources resources;
    private final JobStore jobs;
    private final Path root;
    private final List<AppProcess> started = new ArrayList<>();

    private ShutdownTestWorkers(DevStack stack, SluiceResources resources, Path root) {
        this.stack = stack;
        this.resources = resources;
        this.root = root;
        this.jobs = new JobStore(stack.clients().dynamo(), resources.table(), Duration.ofDays(1), Clock.systemUTC());
    }

    static ShutdownTestWorkers onOwnQueue() {
        DevStack stack = DevStack.shared();
        SluiceResources shared = stack.resources();
        SluiceResources own = new ResourceProvisioner(stack.clients().dynamo(), stack.clients().sqs(),
                stack.clients().s3(), Region.of(stack.aws().region()))
                .provision(new ProvisioningSettings(shared.table(), shared.bucket(), QUEUE, QUEUE + "-dlq",
                        DevStack.TEST_MAX_RECEIVE_COUNT, Duration.ofSeconds(60), true));
        return new ShutdownTestWorkers(stack, own, ProjectRoot.fromWorkingDirectory().orElseThrow());
    }

    JobStore jobs() {
        return jobs;
    }

    /** Starts a packaged worker with {@code settings} (SLUICE_* variables) on top of the stack's environment. */
    AppProcess start(String workerId, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(stack.environment());
        env.put("SLUICE_QUEUE_URL", resources.queueUrl());
        env.put("SLUICE_WORKER_ID", workerId);
        env.putAll(settings);
        AppProcess worker = AppProcess.start(workerId, root.resolve("worker/target/quarkus-app/quarkus-run.jar"),
                freePort(), env, root.resolve("e2e/target/e2e-logs/" + workerId + ".log"),
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        started.add(worker);
        return worker;
    }

    /** A job in DynamoDB, then its message, the way the API does it. */
    TaskRef submitImage(String promptMarker) {
        String input = "{\"prompt\":\"" + promptMarker + " " + UUID.randomUUID() + "\",\"width\":64,\"height\":64}";
        Job job = ((JobCreation.Created) jobs.create(new NewJob(OWNER, JobType.IMAGE_GENERATION, input,
                Optional.empty(), UUID.randomUUID().toString()))).job();
        TaskRef ref = job.tasks().get(0).ref();
        String body = TaskMessageCodec.encode(TaskMessage.of(ref, JobType.IMAGE_GENERATION, OWNER, Instant.now()));
        stack.clients().sqs().sendMessage(b -> b.queueUrl(resources.queueUrl()).messageBody(body));
        return ref;
    }

    /** SIGKILLs whatever a test left running. */
    @Override
    public void close() {
        started.forEach(AppProcess::kill);
        started.clear();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.sluice.api.jobs.view;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.job.Task;
import dev.sluice.core.job.TaskOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * Builds the client's view of a job. Output downloads are presigned GET URLs, so clients fetch results
 * straight from S3 without credentials and the API never streams large files. The presigner is the one
 * Quarkus configures from {@code quarkus.s3.*}: same endpoint override and path-style setting as the client.
 */
@ApplicationScoped
public class JobViews {
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration presignTtl;

    public JobViews(S3Presigner presigner, SluiceConfig config) {
        this.presigner = presigner;
        this.bucket = config.bucket();
        this.presignTtl = config.api().presignTtl();
    }

    public JobView of(Job job) {
        List<Task> tasks = job.tasks();
        Instant updatedAt = tasks.stream().map(Task::updatedAt).max(Comparator.naturalOrder()).orElse(job.createdAt());
        int attempts = tasks.stream().mapToInt(Task::attempts).sum();
        String lastError = tasks.stream()
                .filter(t -> t.lastError().isPresent())
                .max(Comparator.comparing(Task::updatedAt))
                .flatMap(Task::lastError)
                .orElse(null);
        List<TaskView> taskViews = tasks.stream().map(JobViews::task).toList();
        JobStatus status = job.status();
        OutputView output = status == JobStatus.COMPLETED ? output(tasks).orElse(null) : null;
        return new JobView(job.jobId(), job.type().wireName(), status, job.createdAt(), updatedAt, attempts,
                lastError, taskViews, output);
    }

    private static TaskView task(Task task) {
        return new TaskView(task.ref().taskId(), task.status(), task.attempts(), task.lastError().orElse(null),
                task.startedAt().orElse(null), task.completedAt().orElse(null));
    }

    /** Jobs have one task today; with several, the first task's output stands for the job. */
    private Optional<OutputView> output(List<Task> tasks) {
        return tasks.stream().flatMap(t -> t.output().stream()).findFirst().map(this::presign);
    }

    private OutputView presign(TaskOutput output) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p
                .signatureDuration(presignTtl)
                .getObjectRequest(g -> g.bucket(bucket).key(output.key())));
        return new OutputView(output.key(), output.contentType(), output.sizeBytes(), output.sha256(),
                presigned.url().toString(), presigned.expiration());
    }
}

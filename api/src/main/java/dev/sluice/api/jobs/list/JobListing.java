package dev.sluice.api.jobs.list;

import dev.sluice.api.jobs.view.JobListView;
import dev.sluice.api.jobs.view.JobViews;
import dev.sluice.api.problem.FieldError;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.job.JobStatus;
import dev.sluice.core.store.InvalidCursorException;
import dev.sluice.core.store.OwnerJobs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * GET /v1/jobs: validates the query (every bad parameter is listed in one 400) and reads one page of
 * the caller's jobs through core's {@link OwnerJobs}. Query parameters arrive as text so a malformed
 * number is a problem answer, not the framework's 404.
 */
@ApplicationScoped
public class JobListing {
    public static final int DEFAULT_LIMIT = 20;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final String STATUSES = Arrays.stream(JobStatus.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final OwnerJobs owners;
    private final JobViews views;

    public JobListing(OwnerJobs owners, JobViews views) {
        this.owners = owners;
        this.views = views;
    }

    public JobListView list(String ownerId, String status, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<JobStatus> wanted = status(status, errors);
        int size = limit(limit, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(ProblemType.INVALID_QUERY_PARAMETER,
                    errors.size() == 1 ? "1 query parameter is invalid" : errors.size() + " query parameters are invalid",
                    errors, java.util.Map.of(), java.util.Map.of()));
        }
        Optional<String> from = cursor == null || cursor.isEmpty() ? Optional.empty() : Optional.of(cursor);
        try {
            OwnerJobs.Page page = owners.list(ownerId, wanted, size, from);
            return new JobListView(page.jobs().stream().map(views::of).toList(), page.nextCursor().orElse(null));
        } catch (InvalidCursorException e) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_CURSOR,
                    "The cursor is not one this listing issued; start again without it"));
        }
    }

    private static Optional<JobStatus> status(String status, List<FieldError> errors) {
        if (status == null || status.isEmpty()) {
            return Optional.empty();
        }
        for (JobStatus candidate : JobStatus.values()) {
            if (candidate.name().equals(status)) {
                return Optional.of(candidate);
            }
        }
        errors.add(new FieldError("status", "must be one of " + STATUSES));
        return Optional.empty();
    }

    private static int limit(String limit, List<FieldError> errors) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int value = DIGITS.matcher(limit).matches() ? Integer.parseInt(limit) : -1;
        if (value < 1 || value > OwnerJobs.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be an integer from 1 to " + OwnerJobs.MAX_LIMIT));
            return DEFAULT_LIMIT;
        }
        return value;
    }
}

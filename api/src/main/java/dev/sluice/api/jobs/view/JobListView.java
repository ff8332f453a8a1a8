package dev.sluice.api.jobs.view;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * GET /v1/jobs: one page of the caller's jobs, newest first. {@code nextCursor} is null when nothing
 * follows; otherwise it is passed back as {@code cursor} for the next page (a page may hold fewer jobs
 * than asked for, even none, and still have a cursor when a status filter skipped many jobs).
 */
public record JobListView(List<JobView> jobs,
                          @Schema(nullable = true, description = "null on the last page") String nextCursor) {
}

package dev.sluice.api.jobs.view;

import java.util.List;

/**
 * GET /v1/jobs: one page of the caller's jobs, newest first. {@code nextCursor} is null when nothing
 * follows; otherwise it is passed back as {@code cursor} for the next page (a page may hold fewer jobs
 * than asked for, even none, and still have a cursor when a status filter skipped many jobs).
 */
public record JobListView(List<JobView> jobs, String nextCursor) {
}

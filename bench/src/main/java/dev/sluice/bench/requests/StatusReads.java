package dev.sluice.bench.requests;

import dev.sluice.devstack.AppProcess;
import java.util.List;

/**
 * The requests of a client reading a finished job back once ({@code GET /v1/jobs/{id}}), per read. A
 * client that polls pays this for every poll; fetching the output through its presigned URL is one S3
 * GET more, made by the client, not by the apps, so not counted here.
 */
public record StatusReads(int reads, RequestCounts perRead) {

    /** Reads every job once; each must be COMPLETED. */
    public static StatusReads measure(AppProcess api, JobsClient client, List<String> jobIds) {
        RequestCounts before = RequestCounts.of(api);
        for (String jobId : jobIds) {
            String status = client.status(jobId);
            if (!status.equals("COMPLETED")) {
                throw new IllegalStateException("job " + jobId + " is " + status + ", not COMPLETED");
            }
        }
        RequestCounts perRead = RequestCounts.of(api).minus(before).map(n -> n / jobIds.size());
        return new StatusReads(jobIds.size(), perRead);
    }
}

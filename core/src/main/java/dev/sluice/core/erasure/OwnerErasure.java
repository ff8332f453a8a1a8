package dev.sluice.core.erasure;

import dev.sluice.core.job.Job;
import dev.sluice.core.job.JobType;
import dev.sluice.core.job.Task;
import dev.sluice.core.invitations.OwnerInvitations;
import dev.sluice.core.keys.ObjectKeys;
import dev.sluice.core.lease.LeaseRecovery;
import dev.sluice.core.store.JobStore;
import dev.sluice.core.store.OwnerItems;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Erases everything of the owner of an erasure job (GDPR right to erasure), in an order that a retry
 * can resume at any point, since every step only deletes what is still there:
 * <ol>
 *   <li>cancel the owner's unfinished jobs, so running workers stop at their next heartbeat and write nothing;</li>
 *   <li>delete the jobs' items: tasks, idempotency record, then the job item that leads to them;</li>
 *   <li>delete the owner's invitations (each with its attempts, code, provider message, phone marker and
 *       daily counter, the invitation item last) and referral rewards ({@link OwnerInvitations});</li>
 *   <li>delete every version and delete marker under {@code uploads/{owner}/} (each upload's object
 *       references first) and {@code outputs/{owner}/};</li>
 *   <li>complete the audit record, which counts what every attempt deleted.</li>
 * </ol>
 * Kept: the erasure job itself and any other erasure of the owner still unfinished (that one erases
 * for itself; a finished one is erased like any job). Jobs created after the erasure job are not
 * covered (their uploads and outputs are, if they exist by the time the S3 sweep lists them).
 */
public final class OwnerErasure {
    private final JobStore jobs;
    private final OwnerItems items;
    private final LeaseRecovery recovery;
    private final OwnerObjects objects;
    private final ErasureAudit audit;
    private final Optional<String> pepper;
    private final OwnerInvitations invitations;

    /** Invitations are found in the same table as the jobs ({@code items}'). */
    public OwnerErasure(JobStore jobs, OwnerItems items, LeaseRecovery recovery, OwnerObjects objects,
                        ErasureAudit audit, Optional<String> pepper) {
        this(jobs, items, recovery, objects, audit, pepper, items.invitations());
    }

    public OwnerErasure(JobStore jobs, OwnerItems items, LeaseRecovery recovery, OwnerObjects objects,
                        ErasureAudit audit, Optional<String> pepper, OwnerInvitations invitations) {
        this.invitations = invitations;
        this.jobs = jobs;
        this.items = items;
        this.recovery = recovery;
        this.objects = objects;
        this.audit = audit;
        this.pepper = pepper;
    }

    /** The summary, or empty when {@code stop} cut the erasure short (a retry finishes it). */
    public Optional<ErasureSummary> erase(Job erasure, BooleanSupplier stop) {
        if (erasure.type() != JobType.DATA_ERASURE) {
            throw new IllegalArgumentException("not an erasure job: " + erasure.type().wireName());
        }
        String owner = erasure.ownerId();
        OwnerHash hash = OwnerHash.of(owner, pepper);
        Set<String> kept = new HashSet<>(Set.of(erasure.jobId()));
        // Both passes see only jobs created up to the erasure request: a later job, an erasure request
        // included, is the owner's new data, never deleted unseen and uncancelled half-way.
        items.eachJobId(owner, erasure.createdAt(), stop, jobId -> jobs.find(jobId).ifPresent(job -> {
            if (keeps(erasure, job)) {
                kept.add(jobId);
            } else {
                job.tasks().stream().filter(t -> !t.status().isTerminal()).map(Task::ref).forEach(recovery::cancel);
            }
        }));
        items.eachJobId(owner, erasure.createdAt(), stop, jobId -> {
            if (!kept.contains(jobId)) {
                add(hash, erasure, ErasureCounts.of(items.deleteJob(jobId)));
            }
        });
        invitations.eachInvitationId(owner, erasure.createdAt(), stop,
                id -> add(hash, erasure, ErasureCounts.of(invitations.deleteInvitation(id))));
        if (!stop.getAsBoolean()) {
            add(hash, erasure, ErasureCounts.of(invitations.deleteReferrals(owner)));
        }
        objects.erase(ObjectKeys.uploadPrefix(owner), key -> false, stop,
                keys -> keys.forEach(key -> add(hash, erasure, ErasureCounts.of(items.deleteObjectReferences(key)))),
                counts -> add(hash, erasure, counts));
        String outputs = ObjectKeys.outputPrefix(owner);
        objects.erase(outputs, key -> kept.stream().anyMatch(jobId -> key.startsWith(outputs + jobId + "/")), stop,
                keys -> { }, counts -> add(hash, erasure, counts));
        if (stop.getAsBoolean()) {
            return Optional.empty();
        }
        return Optional.of(audit.complete(hash, erasure.createdAt(), erasure.jobId()));
    }

    private static boolean keeps(Job erasure, Job job) {
        return job.jobId().equals(erasure.jobId())
                || (job.type() == JobType.DATA_ERASURE && !job.status().isTerminal());
    }

    private void add(OwnerHash hash, Job erasure, ErasureCounts delta) {
        if (!delta.isEmpty()) {
            audit.add(hash, erasure.createdAt(), erasure.jobId(), delta);
        }
    }
}

package dev.sluice.chaos;

import dev.sluice.modelsim.InvocationRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for model invocations of one task that overlapped in time, from the simulator's audit. The
 * simulator runs in the harness's JVM, so its {@code startNanos}/{@code endNanos} share one monotonic
 * clock with the {@link Timeline} of kills, pauses and outages.
 *
 * <p>Two invocations of a task can only overlap if the older one's lease expired while it ran and
 * another worker acquired the task (a higher fencing token). That is expected exactly when the older
 * holder could not heartbeat: it was SIGKILLed (the simulator finishes the abandoned call regardless),
 * SIGSTOPped, or cut off from DynamoDB by an outage. Each overlap is put down to one of those; any
 * other overlap (a healthy worker losing its lease, or two calls under the same token) is a violation.
 * A stopped or cut-off holder stays stale until its next heartbeat after it is back tells it about the
 * takeover, up to one lease TTL later: a call it starts in that window (it acquired the lease just
 * before the SIGSTOP and calls the model right after the SIGCONT) is still a stale holder's, and is
 * counted in {@code staleStartedAfterResume} as well, because the worker could have seen from its
 * own clock that the lease had expired.
 *
 * <p>{@code closestGapMillis} is the shortest time between one invocation of a task ending and the next
 * one starting (negative for an overlap): how near the run came to an overlap.
 */
public record AuditAnalysis(int invocations, int tasksInvoked, int callers, int overlaps, int staleKilled,
                            int stalePaused, int staleOutage, int staleStartedAfterResume, int violations,
                            Long closestGapMillis, List<Overlap> violationExamples) {

    private static final int EXAMPLES = 5;

    /** One overlapping pair, older lease first. */
    public record Overlap(String taskId, Long olderToken, String olderCaller, Long newerToken, String newerCaller,
                          long overlapMillis, String cause, boolean startedAfterResume) {
    }

    public AuditAnalysis {
        violationExamples = List.copyOf(violationExamples);
    }

    public static AuditAnalysis of(List<InvocationRecord> audit, Timeline timeline, Duration leaseTtl) {
        long staleWindow = leaseTtl.toNanos();
        Map<String, List<InvocationRecord>> byTask = new HashMap<>();
        Set<String> callers = new HashSet<>();
        for (InvocationRecord record : audit) {
            if (record.caller() != null) {
                callers.add(record.caller());
            }
            if (record.taskId() != null) {
                byTask.computeIfAbsent(record.taskId(), k -> new ArrayList<>()).add(record);
            }
        }
        int overlaps = 0;
        int killed = 0;
        int paused = 0;
        int outage = 0;
        int afterResume = 0;
        int violations = 0;
        List<Overlap> examples = new ArrayList<>();
        Long closestGap = null;
        for (Map.Entry<String, List<InvocationRecord>> task : byTask.entrySet()) {
            List<InvocationRecord> calls = task.getValue();
            calls.sort(Comparator.comparingLong(InvocationRecord::startNanos));
            for (int i = 1; i < calls.size(); i++) {
                long gap = (calls.get(i).startNanos() - calls.get(i - 1).endNanos()) / 1_000_000;
                closestGap = closestGap == null ? gap : Math.min(closestGap, gap);
            }
            for (int i = 0; i < calls.size(); i++) {
                for (int j = i + 1; j < calls.size(); j++) {
                    InvocationRecord a = calls.get(i);
                    InvocationRecord b = calls.get(j);
                    if (b.startNanos() >= a.endNanos()) {
                        continue;
                    }
                    overlaps++;
                    Overlap overlap = classify(task.getKey(), a, b, timeline, staleWindow);
                    if (overlap.startedAfterResume()) {
                        afterResume++;
                    }
                    switch (overlap.cause()) {
                        case "killed" -> killed++;
                        case "paused" -> paused++;
                        case "dynamodb-outage" -> outage++;
                        default -> {
                            violations++;
                            if (examples.size() < EXAMPLES) {
                                examples.add(overlap);
                            }
                        }
                    }
                }
            }
        }
        return new AuditAnalysis(audit.size(), byTask.size(), callers.size(), overlaps, killed, paused, outage,
                afterResume, violations, closestGap, examples);
    }

    public int stale() {
        return staleKilled + stalePaused + staleOutage;
    }

    private static Overlap classify(String taskId, InvocationRecord a, InvocationRecord b, Timeline timeline,
                                    long staleWindow) {
        long overlapMillis = (Math.min(a.endNanos(), b.endNanos()) - b.startNanos()) / 1_000_000;
        if (a.fencingToken() == null || b.fencingToken() == null || a.fencingToken().equals(b.fencingToken())) {
            return new Overlap(taskId, a.fencingToken(), a.caller(), b.fencingToken(), b.caller(), overlapMillis,
                    "same-lease", false);
        }
        InvocationRecord older = a.fencingToken() < b.fencingToken() ? a : b;
        InvocationRecord newer = older == a ? b : a;
        String holder = older.caller() == null ? "" : older.caller();
        var kill = timeline.killOf(holder);
        if (kill.isPresent() && kill.get().nanos() <= newer.startNanos() && older.startNanos() <= kill.get().nanos()) {
            return overlap(taskId, older, newer, overlapMillis, "killed", false);
        }
        for (Timeline.Pause pause : timeline.pauses()) {
            if (pause.workerId().equals(holder) && pause.fromNanos() <= newer.startNanos()
                    && older.startNanos() <= pause.toNanos() + staleWindow) {
                return overlap(taskId, older, newer, overlapMillis, "paused", older.startNanos() > pause.toNanos());
            }
        }
        for (Timeline.Outage outage : timeline.outages()) {
            if (outage.target().includesDynamoDb() && outage.fromNanos() <= newer.startNanos()
                    && older.startNanos() <= outage.toNanos() + staleWindow) {
                return overlap(taskId, older, newer, overlapMillis, "dynamodb-outage",
                        older.startNanos() > outage.toNanos());
            }
        }
        return overlap(taskId, older, newer, overlapMillis, "live-holder-lost-lease", false);
    }

    private static Overlap overlap(String taskId, InvocationRecord older, InvocationRecord newer, long overlapMillis,
                                   String cause, boolean startedAfterResume) {
        return new Overlap(taskId, older.fencingToken(), older.caller(), newer.fencingToken(), newer.caller(),
                overlapMillis, cause, startedAfterResume);
    }
}

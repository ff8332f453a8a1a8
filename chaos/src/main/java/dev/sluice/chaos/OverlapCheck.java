package dev.sluice.chaos;

import java.util.List;

/**
 * No two model invocations of one task overlapped in time, unless the older one came from a holder
 * whose lease expired because it was killed, paused or cut off from DynamoDB (see {@link AuditAnalysis};
 * {@code staleStartedAfterResume} counts those a paused or cut-off holder started after it was back).
 * Those stale overlaps are counted by cause and reported; they cannot write anything, since every
 * write is fenced.
 */
public record OverlapCheck(String name, boolean passed, int invocations, int tasksInvoked, int callers, int overlaps,
                           int staleKilled, int stalePaused, int staleOutage, int staleStartedAfterResume,
                           int violations, Long closestGapMillis,
                           List<AuditAnalysis.Overlap> examples) implements InvariantCheck {

    public static OverlapCheck of(Evidence evidence) {
        AuditAnalysis audit = evidence.audit();
        return new OverlapCheck("noOverlappingInvocations", audit.violations() == 0, audit.invocations(),
                audit.tasksInvoked(), audit.callers(), audit.overlaps(), audit.staleKilled(), audit.stalePaused(),
                audit.staleOutage(), audit.staleStartedAfterResume(), audit.violations(), audit.closestGapMillis(),
                audit.violationExamples());
    }
}

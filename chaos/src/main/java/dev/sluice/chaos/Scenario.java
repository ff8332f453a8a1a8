package dev.sluice.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Everything the seed decides before the run starts: which tasks are poison, when outages and the
 * pause happen, the kill schedule's own seed and the model simulator's seed. Timing on a busy machine
 * still varies between runs, so a seed reproduces the plan, not every interleaving.
 */
public record Scenario(long seed, List<TaskKind> tasks, List<OutagePlan> outages, Optional<PausePlan> pause,
                       KillSchedule kills, long modelSeed) {

    /** Quiet time between two planned outages, so each one's recovery is seen on its own. */
    static final Duration OUTAGE_GAP = Duration.ofSeconds(20);

    public Scenario {
        tasks = List.copyOf(tasks);
        outages = List.copyOf(outages);
    }

    public static Scenario from(ChaosOptions options) {
        Random random = new Random(options.seed());
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < options.tasks(); i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, random);
        List<TaskKind> kinds = new ArrayList<>(Collections.nCopies(options.tasks(), TaskKind.NORMAL));
        int transientPoison = options.poison() / 2;
        int permanentPoison = options.poison() - transientPoison;
        for (int i = 0; i < options.poison(); i++) {
            kinds.set(indices.get(i), i < permanentPoison ? TaskKind.POISON_PERMANENT : TaskKind.POISON_TRANSIENT);
        }
        List<OutagePlan> outages = new ArrayList<>();
        if (options.outages()) {
            Duration start = options.outageAt();
            for (OutageTarget target : options.outageTargets()) {
                outages.add(new OutagePlan(target, start, options.outage()));
                start = start.plus(options.outage()).plus(OUTAGE_GAP);
            }
        }
        Optional<PausePlan> pause = options.pauseOne()
                ? Optional.of(new PausePlan(options.pauseAt(), options.pauseFor())) : Optional.empty();
        KillSchedule kills = new KillSchedule(options.killEvery(), random.nextLong());
        return new Scenario(options.seed(), kinds, outages, pause, kills, random.nextLong());
    }

    public long count(TaskKind kind) {
        return tasks.stream().filter(k -> k == kind).count();
    }
}

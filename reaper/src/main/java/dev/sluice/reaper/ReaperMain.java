package dev.sluice.reaper;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;

/**
 * The reaper's entry point, run to completion by a Kubernetes CronJob. Its duties (recovering stale
 * leases, re-enqueueing tasks left PENDING, clearing orphaned outputs, failing dead-lettered tasks)
 * are not implemented yet: the run says so and changes nothing.
 */
@QuarkusMain
public class ReaperMain implements QuarkusApplication {
    private static final Logger LOG = Logger.getLogger(ReaperMain.class);

    @Override
    public int run(String... args) {
        LOG.info("reaper: no maintenance duties are implemented yet; nothing was changed");
        return 0;
    }
}

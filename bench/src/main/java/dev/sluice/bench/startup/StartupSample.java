package dev.sluice.bench.startup;

import java.util.OptionalDouble;

/** One start of one app: time to ready, and resident memory right after it and after a short load. */
record StartupSample(String app, JvmFlags flags, double readyMillis, OptionalDouble startedInMillis,
                     double rssReadyMiB, double rssLoadedMiB) {
}

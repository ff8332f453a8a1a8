package dev.sluice.reaper.lock;

import java.time.Instant;
import java.util.Optional;

/** Who holds the reaper lock, as last written; reported when a run or redrive has to step back. */
public record LockHolder(Optional<String> owner, Optional<Instant> until) {
}

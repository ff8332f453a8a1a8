package dev.sluice.reaper.logging;

import dev.sluice.core.logging.RedactingFilter;
import io.quarkus.logging.LoggingFilter;

/** Core's redaction, registered with Quarkus logging under {@value RedactingFilter#NAME}. */
@LoggingFilter(name = RedactingFilter.NAME)
public final class RedactingLogFilter extends RedactingFilter {
}

package dev.sluice.core.logging;

import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks secrets and personal data ({@link Redaction}) in every log record before a handler formats it.
 * Each app registers a subclass under {@value #NAME} on each handler in application.properties
 * ({@code quarkus.log.console.filter}, {@code quarkus.log.file.filter}). The message is formatted with
 * its parameters, masked, and stored back pre-formatted; a thrown exception whose messages need
 * masking is replaced by a masked copy. It never drops a record.
 */
public class RedactingFilter implements Filter {
    public static final String NAME = "sluice-redaction";

    private static final Formatter PLAIN = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    @Override
    public boolean isLoggable(LogRecord record) {
        try {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : PLAIN.formatMessage(record);
            String redacted = Redaction.redact(message);
            if (redacted != null && !redacted.equals(message)) {
                if (record instanceof ExtLogRecord ext) {
                    ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                } else {
                    record.setMessage(redacted);
                }
                record.setParameters(null);
                record.setResourceBundle(null);
            }
            record.setThrown(Redaction.redact(record.getThrown()));
        } catch (RuntimeException e) {
            // Better no message than a leaked secret: the level, logger and MDC still tell what happened.
            record.setMessage("[message withheld: redaction failed with " + e.getClass().getName() + "]");
            record.setParameters(null);
            record.setThrown(null);
        }
        return true;
    }
}

package dev.sluice.core.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.logging.RedactingFilter;
import dev.sluice.core.logging.Redaction;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Invitees' numbers never reach a log line whole, whichever way they get into it. */
class PhoneLogRedactionTest {

    @Test
    void e164NumbersAreMaskedInFreeTextAndFields() {
        String line = Redaction.redact("invitation 3f2a queued for +14155552671 (phoneNumber=+442071838750)");
        assertThat(line).doesNotContain("4155552671").doesNotContain("2071838750")
                .contains("+***2671").contains("+***8750").contains("invitation 3f2a");
    }

    @Test
    void theLoggingFilterMasksNumbersPassedAsParameters() {
        LogRecord record = new LogRecord(Level.WARNING, "provider refused invite to {0}: {1}");
        record.setParameters(new Object[] {"+4915123456789", "blocked"});
        new RedactingFilter().isLoggable(record);
        assertThat(record.getMessage()).doesNotContain("15123456789").contains("+***6789").contains("blocked");
    }

    @Test
    void theMaskedDisplayFormIsLeftAsItIs() {
        String masked = ((PhoneCheck.Valid) PhoneNumbers.check("+14155552671")).number().masked();
        assertThat(Redaction.redact("sent to " + masked)).isEqualTo("sent to " + masked);
    }
}

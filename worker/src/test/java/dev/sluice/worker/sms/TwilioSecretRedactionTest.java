package dev.sluice.worker.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.logging.Redaction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The forms in which the Twilio auth token could reach a log line are masked by the worker's log filter. */
class TwilioSecretRedactionTest {
    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "f00dfeedc0ffee0123456789abcdef99";

    @Test
    void theSettingsPrintWithoutTheToken() {
        TwilioSettings settings = new TwilioSettings(URI.create("https://api.twilio.com"), ACCOUNT, TOKEN,
                "+15005550006", Duration.ofSeconds(5), Duration.ofSeconds(10));

        assertThat(settings.toString()).doesNotContain(TOKEN).contains(ACCOUNT, "authToken=***");
    }

    @Test
    void theBasicAuthorizationHeaderIsMasked() {
        String header = "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));

        assertThat(Redaction.redact("POST Messages.json " + header)).doesNotContain(header.substring(21));
    }

    @Test
    void theConfigurationKeyAndFieldFormsAreMasked() {
        assertThat(Redaction.redact("sluice.sms.twilio.auth-token=" + TOKEN)).doesNotContain(TOKEN);
        assertThat(Redaction.redact("{\"authToken\":\"" + TOKEN + "\"}")).doesNotContain(TOKEN);
        assertThat(Redaction.redact("auth_token=" + TOKEN)).doesNotContain(TOKEN);
    }
}

package dev.sluice.worker.invitations;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The worker sending invitations through Twilio ({@link TwilioStandIn}), with a read timeout short
 * enough for a test to outwait, and three attempts per invitation (the local queue's receive count).
 */
public class TwilioProfile implements QuarkusTestProfile {
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String FROM = "+15005550006";
    static final int MAX_ATTEMPTS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "sluice.sms.provider", "twilio",
                "sluice.sms.twilio.account-sid", ACCOUNT,
                "sluice.sms.twilio.auth-token", "f00dfeedc0ffee0123456789abcdef99",
                "sluice.sms.twilio.from", FROM,
                "sluice.sms.twilio.read-timeout", "500ms",
                "sluice.sms.max-attempts", String.valueOf(MAX_ATTEMPTS));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TwilioStandIn.class));
    }
}

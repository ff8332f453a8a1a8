package dev.sluice.worker.sms;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses to start with an invitation template or SMS provider settings that cannot work, rather than
 * failing (or sending two-part SMS) on the first invitation.
 */
@ApplicationScoped
public class SmsConfigCheck {
    /** A name as long as most real ones: a template must fit one segment with it, unshortened. */
    static final String TYPICAL_NAME = "Maximilian Rodriguez";
    /** As long as the referral links the API makes (scheme, host, short path, token). */
    static final String TYPICAL_URL = "https://sluice.example/i/Xy7Qa9Lm2Pk4Rt8Vw3Z";

    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{([A-Za-z]*)}");

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, SmsConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid SMS configuration: " + String.join("; ", problems));
        }
    }

    static List<String> problems(SmsConfig config) {
        List<String> problems = templateProblems(config.template(), config.appName());
        if (config.provider() == SmsConfig.ProviderName.twilio) {
            SmsConfig.Twilio twilio = config.twilio();
            if (twilio.accountSid().filter(s -> !s.isBlank()).isEmpty()) {
                problems.add("sluice.sms.twilio.account-sid is required with sluice.sms.provider=twilio");
            }
            if (twilio.authToken().filter(s -> !s.isBlank()).isEmpty()) {
                problems.add("sluice.sms.twilio.auth-token is required with sluice.sms.provider=twilio");
            }
            if (twilio.from().filter(s -> !s.isBlank()).isEmpty()
                    && twilio.messagingServiceSid().filter(s -> !s.isBlank()).isEmpty()) {
                problems.add("sluice.sms.twilio.from or sluice.sms.twilio.messaging-service-sid is required"
                        + " with sluice.sms.provider=twilio");
            }
        }
        config.sns().senderId().filter(id -> !id.matches("[A-Za-z0-9]{1,11}") || id.matches("[0-9]+"))
                .ifPresent(id -> problems.add("sluice.sms.sns.sender-id must be 1-11 letters and digits,"
                        + " not only digits"));
        return problems;
    }

    static List<String> templateProblems(String pattern, String appName) {
        List<String> problems = new ArrayList<>();
        if (!pattern.contains("{referralUrl}")) {
            problems.add("sluice.sms.template must contain {referralUrl}");
        }
        Matcher m = ANY_PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!SmsTemplate.PLACEHOLDER.matcher(m.group()).matches()) {
                problems.add("sluice.sms.template has an unknown placeholder " + m.group()
                        + " (known: {inviterName}, {appName}, {referralUrl})");
            }
        }
        RenderedSms typical = new SmsTemplate(pattern, appName).renderUnshortened(TYPICAL_NAME, TYPICAL_URL);
        if (!typical.fitsOneSegment()) {
            problems.add("sluice.sms.template does not fit one SMS with a " + TYPICAL_NAME.length()
                    + "-character name and a " + TYPICAL_URL.length() + "-character link: " + typical.units()
                    + " " + (typical.encoding() == SmsEncoding.GSM_7 ? "GSM-7 septets" : "UCS-2 units")
                    + ", one segment holds " + typical.encoding().singleSegment());
        }
        return problems;
    }
}

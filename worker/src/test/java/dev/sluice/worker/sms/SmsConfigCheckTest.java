package dev.sluice.worker.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsConfigCheckTest {

    @Test
    void theDefaultTemplatePasses() {
        assertThat(SmsConfigCheck.templateProblems(SmsTemplate.DEFAULT_PATTERN, "Sluice")).isEmpty();
    }

    @Test
    void aTemplateWithoutTheLinkIsRefused() {
        assertThat(SmsConfigCheck.templateProblems("{inviterName} invited you to {appName}", "Sluice"))
                .singleElement().asString().contains("{referralUrl}");
    }

    @Test
    void anUnknownPlaceholderIsRefused() {
        assertThat(SmsConfigCheck.templateProblems("{inviter} invited you: {referralUrl}", "Sluice"))
                .singleElement().asString().contains("unknown placeholder {inviter}");
    }

    @Test
    void aTemplateThatNeedsTwoSegmentsWithATypicalNameIsRefusedWithTheNumbers() {
        String wordy = "{inviterName} thinks you will love {appName}, the fastest way to run your models. "
                + "Join today and get started in minutes: {referralUrl}";

        assertThat(SmsConfigCheck.templateProblems(wordy, "Sluice")).singleElement().asString()
                .contains("20-character name", "44-character link", "169 GSM-7 septets", "one segment holds 160");
    }

    @Test
    void aUnicodeTemplateIsMeasuredInUcs2() {
        String greek = "{inviterName} σε προσκάλεσε στο {appName}: {referralUrl}";

        assertThat(SmsConfigCheck.templateProblems(greek, "Sluice")).singleElement().asString()
                .contains("UCS-2 units", "one segment holds 70");
    }
}

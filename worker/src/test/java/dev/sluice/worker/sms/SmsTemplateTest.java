package dev.sluice.worker.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTemplateTest {
    private static final String URL = "https://sluice.example/i/abc123";
    private static final SmsTemplate DEFAULT = new SmsTemplate(SmsTemplate.DEFAULT_PATTERN, "Sluice");

    @Test
    void theDefaultTemplateReadsAsTheProductWantsIt() {
        RenderedSms sms = DEFAULT.render("Ada Lovelace", URL);

        assertThat(sms.text()).isEqualTo("Ada Lovelace invited you to try Sluice. Sign up using this link: " + URL);
        assertThat(sms.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(sms.units()).isEqualTo(sms.text().length());
        assertThat(sms.segments()).isEqualTo(1);
        assertThat(sms.nameShortened()).isFalse();
    }

    @Test
    void exactly160GsmCharactersAreOneSegmentAnd161AreTwo() {
        SmsTemplate bare = new SmsTemplate("{inviterName}{referralUrl}", "Sluice");
        String url = "x".repeat(60);

        RenderedSms fits = bare.render("n".repeat(100), url);
        assertThat(fits.units()).isEqualTo(160);
        assertThat(fits.segments()).isEqualTo(1);
        assertThat(fits.nameShortened()).isFalse();

        // One more than fits, with a name too short to cut: sent as two parts of at most 153 septets.
        RenderedSms over = new SmsTemplate("{inviterName}{referralUrl}", "Sluice").render("n".repeat(5), "x".repeat(156));
        assertThat(over.units()).isEqualTo(161);
        assertThat(over.segments()).isEqualTo(2);
        assertThat(SmsEncoding.GSM_7.segments("a".repeat(306))).isEqualTo(2);
        assertThat(SmsEncoding.GSM_7.segments("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void aEuroSignStaysGsmButCountsTwoSeptets() {
        assertThat(SmsEncoding.of("a".repeat(158) + "€")).isEqualTo(SmsEncoding.GSM_7);
        assertThat(SmsEncoding.GSM_7.units("a".repeat(158) + "€")).isEqualTo(160);
        assertThat(SmsEncoding.GSM_7.segments("a".repeat(158) + "€")).isEqualTo(1);
        assertThat(SmsEncoding.GSM_7.segments("a".repeat(159) + "€")).isEqualTo(2);
        // An escape pair is never split: 152 + € does not fit the 153 septets of the first part.
        assertThat(SmsEncoding.GSM_7.segments("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(3);
        assertThat(SmsEncoding.GSM_7.segments("a".repeat(151) + "€" + "a".repeat(153))).isEqualTo(2);
    }

    @Test
    void anEmojiInTheNameSwitchesToUcs2With70UnitSegments() {
        SmsTemplate bare = new SmsTemplate("{inviterName} {referralUrl}", "Sluice");
        String url = "u".repeat(52);

        RenderedSms fits = bare.render("Zoë 😀 Smith" + "s".repeat(5), url);
        assertThat(fits.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(fits.units()).isEqualTo(70);
        assertThat(fits.segments()).isEqualTo(1);
        assertThat(fits.nameShortened()).isFalse();

        SmsTemplate noCut = new SmsTemplate("{inviterName}{referralUrl}", "Sluice");
        RenderedSms over = noCut.render("😀abc", "u".repeat(66));
        assertThat(over.units()).isEqualTo(71);
        assertThat(over.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(over.segments()).isEqualTo(2);
        assertThat(SmsEncoding.UCS_2.segments("u".repeat(134))).isEqualTo(2);
        assertThat(SmsEncoding.UCS_2.segments("u".repeat(135))).isEqualTo(3);
    }

    @Test
    void aLongNameIsCutWithThreeDotsToTheLongestThatFits() {
        String name = "Bartholomew Alexander Fitzgerald-Montgomery the Third of Northumberland and Beyond";
        String url = "https://sluice.example/i/" + "k".repeat(40);

        RenderedSms sms = DEFAULT.render(name, url);

        assertThat(sms.nameShortened()).isTrue();
        assertThat(sms.segments()).isEqualTo(1);
        assertThat(sms.encoding()).isEqualTo(SmsEncoding.GSM_7);
        String shownName = sms.text().substring(0, sms.text().indexOf(" invited you"));
        assertThat(shownName).endsWith("...");
        assertThat(name).startsWith(shownName.substring(0, shownName.length() - 3));
        assertThat(sms.text()).endsWith(url).contains("try Sluice.");
        // The longest cut: one more character of the name would not fit.
        assertThat(sms.units()).isEqualTo(160);
        String longer = name.substring(0, shownName.length() - 3 + 1).stripTrailing() + "...";
        assertThat(SmsEncoding.GSM_7.units(sms.text().replace(shownName, longer))).isGreaterThan(160);
    }

    @Test
    void cuttingAnEmojiOffTheNameBringsTheTextBackToGsm() {
        String name = "Christopher Montgomery-Smith 🎉🎉";
        String url = "https://sluice.example/i/" + "k".repeat(40);

        RenderedSms sms = DEFAULT.render(name, url);

        assertThat(DEFAULT.renderUnshortened(name, url).segments()).isEqualTo(3);
        assertThat(sms.nameShortened()).isTrue();
        assertThat(sms.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(sms.text()).startsWith("Christopher Montgomery-Smith... invited you");
    }

    @Test
    void aUnicodeTextIsCutWithTheEllipsisCharacter() {
        SmsTemplate greek = new SmsTemplate("{inviterName} σε προσκάλεσε: {referralUrl}", "Sluice");
        String name = "Αλέξανδρος Παπαδόπουλος-Καραμανλής";
        String url = "https://s.example/i/abc";

        RenderedSms sms = greek.render(name, url);

        assertThat(sms.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(sms.segments()).isEqualTo(1);
        assertThat(sms.units()).isEqualTo(70);
        assertThat(sms.text()).startsWith("Αλέξανδρος Παπαδόπουλος-Καραμα… σε");
    }

    @Test
    void whenEvenTheShortestNameDoesNotFitTheFullTextComesBackAsSeveralSegments() {
        String url = "https://sluice.example/i/" + "k".repeat(140);

        RenderedSms sms = DEFAULT.render("Ada Lovelace", url);

        assertThat(sms.nameShortened()).isFalse();
        assertThat(sms.text()).startsWith("Ada Lovelace invited you").endsWith(url);
        assertThat(sms.segments()).isEqualTo(2);
    }

    @Test
    void theNameIsNeverCutBelowTheMinimum() {
        SmsTemplate bare = new SmsTemplate("{inviterName}{referralUrl}", "Sluice");
        RenderedSms sms = bare.render("Abcdefgh", "x".repeat(158));

        // 5 kept + "..." = 8 septets: no gain over the full 8-character name, so nothing fits.
        assertThat(sms.nameShortened()).isFalse();
        assertThat(sms.text()).startsWith("Abcdefgh");

        RenderedSms cut = bare.render("Abcdefghij", "x".repeat(151));
        assertThat(cut.nameShortened()).isTrue();
        assertThat(cut.text()).startsWith("Abcdef...").hasSize(160);
    }

    @Test
    void theNameIsTextNotTemplateAndLosesLineBreaks() {
        RenderedSms sms = DEFAULT.render("Eve {appName}\n{referralUrl}", URL);

        assertThat(sms.text()).startsWith("Eve {appName} {referralUrl} invited you to try Sluice.");
    }
}

package dev.sluice.worker.sms;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of Twilio's message list ({@code GET Messages.json}): {@code messages[]} with {@code sid},
 * {@code to}, {@code status}, {@code body} and {@code date_created} in RFC 2822 form
 * ({@code Wed, 18 Aug 2010 20:01:40 +0000}), and {@code next_page_uri}, relative to the API root, or null
 * on the last page.
 */
record TwilioMessagePage(List<Listed> messages, Optional<String> nextPageUri) {

    /** A listed message; {@code dateCreated} is empty when Twilio gave none or an unreadable one. */
    record Listed(SentSms sms, String to, Optional<Instant> dateCreated) {
    }

    static TwilioMessagePage parse(String body) throws SmsLookupException {
        JsonNode root = TwilioAnswers.read(body);
        JsonNode messages = root.path("messages");
        if (!messages.isArray()) {
            throw new SmsLookupException("Twilio's message list has no messages array");
        }
        List<Listed> listed = new ArrayList<>();
        for (JsonNode m : messages) {
            String sid = TwilioAnswers.text(m, "sid")
                    .orElseThrow(() -> new SmsLookupException("a message in Twilio's list has no sid"));
            Optional<Instant> created = TwilioAnswers.text(m, "date_created").flatMap(TwilioMessagePage::instant);
            listed.add(new Listed(new SentSms(sid, TwilioAnswers.text(m, "status").orElse(""), created.orElse(null),
                    TwilioAnswers.text(m, "body").orElse("")), TwilioAnswers.text(m, "to").orElse(""), created));
        }
        return new TwilioMessagePage(listed, TwilioAnswers.text(root, "next_page_uri"));
    }

    private static Optional<Instant> instant(String rfc2822) {
        try {
            return Optional.of(ZonedDateTime.parse(rfc2822, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package dev.sluice.worker.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Sends through Twilio's Messages API ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, HTTP
 * Basic auth with the account SID and auth token) on the JDK HTTP client. Answers are classified by
 * {@link TwilioAnswers}. The client never retries and follows no redirects; HTTP/1.1 only.
 *
 * <p>Twilio's Messages API has no idempotency key: the same request sent twice creates two messages.
 * After an {@link SmsSendResult.Unknown}, {@link #findSentSince} tells whether one was created.
 *
 * <p>The auth token only ever goes into the {@code Authorization} header: it is in no result, exception
 * message or {@code toString()}.
 */
public final class TwilioSmsProvider implements SmsProvider {
    /** Pages of 100 messages read at most by {@link #findSentSince}. */
    static final int MAX_PAGES = 10;

    private final TwilioSettings settings;
    private final HttpClient http;
    private final String authorization;
    private final URI messages;

    public TwilioSmsProvider(TwilioSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
        this.messages = api("/2010-04-01/Accounts/" + encode(settings.accountSid()) + "/Messages.json");
    }

    @Override
    public SmsSendResult send(SmsMessage message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.toE164());
        form.put(settings.sendsFromMessagingService() ? "MessagingServiceSid" : "From", settings.sender());
        form.put("Body", message.body());
        message.statusCallback().ifPresent(uri -> form.put("StatusCallback", uri.toString()));
        HttpRequest request = request(messages)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build();
        try {
            HttpResponse<String> response = exchange(request);
            return TwilioAnswers.ofCreate(response.statusCode(), response.body());
        } catch (IOException e) {
            return TwilioAnswers.ofFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SmsSendResult.Unknown("interrupted while waiting for Twilio");
        }
    }

    /**
     * The messages Twilio has on record to {@code toE164} created at or after {@code since}, newest first:
     * to reconcile an {@link SmsSendResult.Unknown} before sending again.
     *
     * <p>Limits, each of which the caller must allow for:
     * <ul>
     *   <li>Filters on {@code To} and on {@code date_created}, not on {@code DateSent}: Twilio's
     *       {@code DateSent} filter has day resolution and leaves out messages not sent yet ({@code queued},
     *       {@code accepted}, {@code scheduled}), which are exactly the ones an unclear create may have made.</li>
     *   <li>{@code since} is compared with Twilio's clock at second resolution: pass the time of the first
     *       attempt minus a margin for clock skew (a minute), and match the invitation by its referral link
     *       in {@link SentSms#body()}, since other messages to the number may fall in the window.</li>
     *   <li>Twilio does not promise that a message created a moment ago is listed at once: ask no sooner
     *       than the read timeout after the unclear attempt, and treat a recent empty answer with care.</li>
     *   <li>Reads at most {@value #MAX_PAGES} pages of 100 and stops at the first page created wholly
     *       before {@code since}; with more, it fails rather than answer incompletely. Messages of other
     *       (sub)accounts and messages deleted or past Twilio's retention are not listed.</li>
     * </ul>
     *
     * @throws SmsLookupException when Twilio did not answer with a readable list: the question stays open
     */
    public List<SentSms> findSentSince(String toE164, Instant since) throws SmsLookupException {
        List<SentSms> found = new ArrayList<>();
        URI page = URI.create(messages + "?To=" + encode(toE164) + "&PageSize=100");
        for (int read = 0; read < MAX_PAGES; read++) {
            TwilioMessagePage listed = TwilioMessagePage.parse(get(page));
            boolean allOlder = !listed.messages().isEmpty();
            for (TwilioMessagePage.Listed m : listed.messages()) {
                // A message without a readable date is kept: better a false "maybe sent" than a duplicate.
                boolean older = m.dateCreated().map(created -> created.isBefore(since)).orElse(false);
                allOlder &= older;
                if (!older && m.to().equals(toE164)) {
                    found.add(m.sms());
                }
            }
            if (listed.nextPageUri().isEmpty() || allOlder) {
                return found;
            }
            page = api(listed.nextPageUri().get());
        }
        throw new SmsLookupException("more than " + MAX_PAGES + " pages of messages to the number since " + since);
    }

    @Override
    public boolean canFindSent() {
        return true;
    }

    @Override
    public SentLookup findSent(String toE164, Instant since, String marker) {
        try {
            return findSentSince(toE164, since).stream().filter(sms -> sms.body() != null && sms.body().contains(marker))
                    .findFirst().<SentLookup>map(sms -> new SentLookup.Found(sms.sid())).orElse(new SentLookup.NotFound());
        } catch (SmsLookupException e) {
            return new SentLookup.Failed(e.getMessage());
        }
    }

    @Override
    public String name() {
        return SmsConfig.ProviderName.twilio.name();
    }

    private String get(URI uri) throws SmsLookupException {
        try {
            HttpResponse<String> response = exchange(request(uri).GET().build());
            if (response.statusCode() != 200) {
                String error = TwilioAnswers.TwilioError.of(TwilioAnswers.read(response.body()))
                        .map(e -> e.describe(response.statusCode()))
                        .orElse("HTTP " + response.statusCode());
                throw new SmsLookupException("Twilio refused the message list: " + error);
            }
            return response.body();
        } catch (IOException e) {
            throw new SmsLookupException("cannot read Twilio's message list: " + TwilioAnswers.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsLookupException("interrupted while reading Twilio's message list", e);
        }
    }

    /**
     * The request timeout covers the wait for the answer's headers; the overall bound also covers a body
     * that stalls, which the request timeout does not.
     */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Duration bound = settings.connectTimeout().plus(settings.readTimeout()).multipliedBy(2);
        try {
            return answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + bound);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(TwilioAnswers.describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private URI api(String path) {
        String base = settings.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

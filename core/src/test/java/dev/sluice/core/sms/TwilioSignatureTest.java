package dev.sluice.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    /** Twilio's documented example of request validation (auth token 12345). */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675310"),
            "Digits", List.of("1234"),
            "From", List.of("+14158675310"),
            "To", List.of("+18005551212"));

    @Test
    void matchesTwilioDocumentedExample() {
        TwilioSignature signature = new TwilioSignature("12345");
        assertThat(signature.sign(URL, PARAMS)).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
        assertThat(signature.verify(URL, PARAMS, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isTrue();
    }

    @Test
    void isHmacSha1OverUrlAndSortedNameValuePairs() throws Exception {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("MessageStatus", List.of("delivered"));
        params.put("AccountSid", List.of("AC123"));
        params.put("MessageSid", List.of("SM42"));
        String url = "https://api.example/api/invitations/status/twilio";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("token".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(
                (url + "AccountSidAC123MessageSidSM42MessageStatusdelivered").getBytes(StandardCharsets.UTF_8)));
        assertThat(new TwilioSignature("token").sign(url, params)).isEqualTo(expected);
    }

    @Test
    void refusesAnythingElse() {
        TwilioSignature signature = new TwilioSignature("12345");
        String good = signature.sign(URL, PARAMS);
        assertThat(signature.verify(URL, PARAMS, null)).isFalse();
        assertThat(signature.verify(URL, PARAMS, "")).isFalse();
        assertThat(signature.verify(URL + "&x=1", PARAMS, good)).isFalse();
        Map<String, List<String>> changed = new LinkedHashMap<>(PARAMS);
        changed.put("Digits", List.of("1235"));
        assertThat(signature.verify(URL, changed, good)).isFalse();
        assertThat(new TwilioSignature("54321").verify(URL, PARAMS, good)).isFalse();
    }
}

package dev.sluice.api.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormParametersTest {

    @Test
    void decodesNamesAndValuesKeepingRepeats() {
        Map<String, List<String>> params = FormParameters.parse("MessageSid=SM1&To=%2B14155552671&x=a+b&x=c&flag");
        assertThat(params).containsEntry("MessageSid", List.of("SM1")).containsEntry("To", List.of("+14155552671"))
                .containsEntry("x", List.of("a b", "c")).containsEntry("flag", List.of(""));
        assertThat(FormParameters.first(params, "x")).isEqualTo("a b");
        assertThat(FormParameters.first(params, "missing")).isNull();
    }

    @Test
    void toleratesEmptyNamesAndSegmentsThatTheFrameworkReaderFailsOn() {
        assertThat(FormParameters.parse("=&=v&&")).containsEntry("", List.of("", "v")).hasSize(1);
        assertThat(FormParameters.parse("")).isEmpty();
        assertThat(FormParameters.parse(null)).isEmpty();
    }

    @Test
    void aBrokenPercentEscapeIsABadRequest() {
        assertThatThrownBy(() -> FormParameters.parse("a=%zz")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().type().status()).isEqualTo(400));
    }
}

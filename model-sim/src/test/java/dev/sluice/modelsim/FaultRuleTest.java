package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;

class FaultRuleTest extends SimTestBase {

    @Test
    void failsTwicePerTaskThenSucceeds() {
        admin.addFault(FaultRule.times("flaky-twice", FailureKind.MODEL_5XX, 2));

        for (String task : List.of("task-a", "task-b")) {
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> sdk.invokeEndpoint(SageMakerClients.image("a flaky-twice car", 32, 32, task)))
                        .isInstanceOfSatisfying(ModelErrorException.class,
                                e -> assertThat(e.originalStatusCode()).isEqualTo(500));
            }
            assertThat(sdk.invokeEndpoint(SageMakerClients.image("a flaky-twice car", 32, 32, task)).contentType())
                    .isEqualTo("image/png");
        }

        assertThat(admin.invocations("task-a")).extracting(InvocationRecord::outcome)
                .containsExactly("model-5xx", "model-5xx", "ok");
    }

    @Test
    void bodiesWithoutTheSubstringAreUntouched() {
        admin.addFault(FaultRule.always("doomed", FailureKind.UNAVAILABLE));

        assertThat(sdk.invokeEndpoint(SageMakerClients.image("a fine car", 32, 32, "t")).contentType())
                .isEqualTo("image/png");
    }

    @Test
    void alwaysMeansAlways() {
        admin.addFault(FaultRule.always("doomed", FailureKind.UNAVAILABLE));

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> sdk.invokeEndpoint(SageMakerClients.image("doomed", 32, 32, "t")))
                    .isInstanceOf(ServiceUnavailableException.class);
        }
    }

    @Test
    void firstMatchingRuleWithFailuresLeftWins() {
        admin.addFault(FaultRule.times("car", FailureKind.UNAVAILABLE, 1));
        admin.addFault(FaultRule.times("car", FailureKind.MODEL_4XX, 1));

        assertThatThrownBy(() -> sdk.invokeEndpoint(SageMakerClients.image("car", 32, 32, "t")))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> sdk.invokeEndpoint(SageMakerClients.image("car", 32, 32, "t")))
                .isInstanceOfSatisfying(ModelErrorException.class,
                        e -> assertThat(e.originalStatusCode()).isEqualTo(400));
        sdk.invokeEndpoint(SageMakerClients.image("car", 32, 32, "t"));
    }

    @Test
    void rulesCanBeListedAndCleared() {
        admin.addFault(FaultRule.times("x", FailureKind.THROTTLE, 3));

        assertThat(admin.faults()).containsExactly(new FaultRule("x", FailureKind.THROTTLE, 3));
        admin.clearFaults();
        assertThat(admin.faults()).isEmpty();
        sdk.invokeEndpoint(SageMakerClients.image("x", 32, 32, "t"));
    }

    @Test
    void startupRulesApply() {
        try (ModelSim own = ModelSim.start(ModelSimSettings.defaults()
                .withFault(FaultRule.parse("match=boom,kind=model-4xx,times=1")))) {
            var client = SageMakerClients.forSim(own.uri());
            assertThatThrownBy(() -> client.invokeEndpoint(SageMakerClients.image("boom", 32, 32, "t")))
                    .isInstanceOf(ModelErrorException.class);
            client.invokeEndpoint(SageMakerClients.image("boom", 32, 32, "t"));
            client.close();
        }
    }

    @Test
    void textFormRoundTrips() {
        FaultRule rule = FaultRule.parse("kind=throttle,match=flaky");

        assertThat(rule).isEqualTo(FaultRule.always("flaky", FailureKind.THROTTLE));
        assertThat(FaultRule.parse(rule.describe())).isEqualTo(rule);
        assertThatThrownBy(() -> FaultRule.parse("match=x,kind=explode")).hasMessageContaining("explode");
        assertThatThrownBy(() -> FaultRule.parse("match=x,kind=throttle,times=-2")).hasMessageContaining("times");
        assertThatThrownBy(() -> FaultRule.parse("kind=throttle")).hasMessageContaining("match");
    }
}

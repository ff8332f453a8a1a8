package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/** Each failure kind must reach the caller as the SDK's modelled exception, as with the real service. */
class ErrorMappingTest extends SimTestBase {

    private AwsServiceException failWith(FailureKind kind) {
        admin.addFault(FaultRule.always("fail-me", kind));
        return catchThrowableOfType(AwsServiceException.class,
                () -> sdk.invokeEndpoint(SageMakerClients.image("please fail-me", 64, 64, "t-err")));
    }

    @Test
    void model5xxIsModelErrorWithOriginalStatus500() {
        AwsServiceException e = failWith(FailureKind.MODEL_5XX);

        assertThat(e).isExactlyInstanceOf(ModelErrorException.class);
        ModelErrorException modelError = (ModelErrorException) e;
        assertThat(modelError.statusCode()).isEqualTo(424);
        assertThat(modelError.originalStatusCode()).isEqualTo(500);
        assertThat(modelError.awsErrorDetails().errorCode()).isEqualTo("ModelError");
        assertThat(modelError.awsErrorDetails().errorMessage()).contains("(500)");
        assertThat(modelError.originalMessage()).contains("model-5xx");
        assertThat(modelError.logStreamArn()).startsWith("arn:aws:logs:")
                .endsWith("/aws/sagemaker/Endpoints/" + SageMakerClients.IMAGE_ENDPOINT);
        assertThat(modelError.requestId()).isNotBlank();
        assertThat(modelError.isThrottlingException()).isFalse();
    }

    @Test
    void model4xxIsModelErrorWithOriginalStatus400() {
        AwsServiceException e = failWith(FailureKind.MODEL_4XX);

        assertThat(e).isExactlyInstanceOf(ModelErrorException.class);
        assertThat(e.statusCode()).isEqualTo(424);
        assertThat(((ModelErrorException) e).originalStatusCode()).isEqualTo(400);
    }

    @Test
    void throttleIsAThrottlingServiceException() {
        AwsServiceException e = failWith(FailureKind.THROTTLE);

        // SageMaker Runtime does not model ThrottlingException: the SDK raises its base exception
        // and recognises throttling by the error code.
        assertThat(e).isExactlyInstanceOf(SageMakerRuntimeException.class);
        assertThat(e.isThrottlingException()).isTrue();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
    }

    @Test
    void unavailableIsServiceUnavailableException() {
        AwsServiceException e = failWith(FailureKind.UNAVAILABLE);

        assertThat(e).isExactlyInstanceOf(ServiceUnavailableException.class);
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void invalidJsonIsValidationError() {
        ValidationErrorException e = catchThrowableOfType(ValidationErrorException.class,
                () -> sdk.invokeEndpoint(SageMakerClients.invocation("x", "{not json", null)));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(e.awsErrorDetails().errorMessage()).contains("not valid JSON");
    }

    @Test
    void bodyForNoKnownModelIsValidationError() {
        ValidationErrorException e = catchThrowableOfType(ValidationErrorException.class,
                () -> sdk.invokeEndpoint(SageMakerClients.invocation("x", "{\"text\":\"hello\"}", null)));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(admin.invocations()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(InvocationRecord.VALIDATION_ERROR));
    }

    @Test
    void inputTheModelRejectsIsPermanentModelError() {
        ModelErrorException e = catchThrowableOfType(ModelErrorException.class, () -> sdk.invokeEndpoint(
                SageMakerClients.invocation("x", "{\"prompt\":\"too big\",\"width\":100000}", null)));

        assertThat(e.originalStatusCode()).isEqualTo(400);
        assertThat(e.originalMessage()).contains("width");
    }

    @Test
    void errorsAreAuditedWithTheirKind() {
        failWith(FailureKind.THROTTLE);

        assertThat(admin.invocations()).singleElement().satisfies(r -> {
            assertThat(r.failedWith(FailureKind.THROTTLE)).isTrue();
            assertThat(r.statusCode()).isEqualTo(400);
        });
    }
}

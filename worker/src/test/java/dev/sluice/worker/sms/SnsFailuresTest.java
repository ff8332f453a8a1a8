package dev.sluice.worker.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.KmsDisabledException;
import software.amazon.awssdk.services.sns.model.KmsThrottlingException;
import software.amazon.awssdk.services.sns.model.OptedOutException;
import software.amazon.awssdk.services.sns.model.ThrottledException;

/**
 * {@link SnsFailures} on the SDK's real exception types (built with their builders), and
 * {@link SnsSmsProvider} with real SDK clients against endpoints that fail the way networks do.
 */
class SnsFailuresTest {
    private static final SmsMessage MESSAGE = new SmsMessage("+447700900123", "hello", "inv-1", Optional.empty());

    @Test
    void definiteRefusalsOfTheRequestAreNotRetryable() {
        assertThat(classify(InvalidParameterException.builder(), 400, "InvalidParameter"))
                .isEqualTo(new SmsSendResult.Rejected("InvalidParameter", "InvalidParameter (400): msg", false));
        assertThat(classify(OptedOutException.builder(), 400, "OptedOut")).extracting(r -> r.retryable()).isEqualTo(false);
        assertThat(classify(AuthorizationErrorException.builder(), 403, "AuthorizationError").retryable()).isFalse();
        assertThat(classify(AwsServiceException.builder(), 400, "InvalidParameterValue").retryable()).isFalse();
    }

    @Test
    void throttlingKmsAndServerErrorsAreRetryable() {
        assertThat(classify(ThrottledException.builder(), 400, "Throttled").retryable()).isTrue();
        assertThat(classify(AwsServiceException.builder(), 400, "Throttling").retryable()).isTrue();
        assertThat(classify(KmsThrottlingException.builder(), 400, "KMSThrottling").retryable()).isTrue();
        assertThat(classify(KmsDisabledException.builder(), 400, "KMSDisabled").retryable()).isTrue();
        assertThat(classify(InternalErrorException.builder(), 500, "InternalError"))
                .isEqualTo(new SmsSendResult.Rejected("InternalError", "InternalError (500): msg", true));
        assertThat(classify(AwsServiceException.builder(), 503, "ServiceUnavailable").retryable()).isTrue();
    }

    @Test
    void aServerErrorWithoutAnErrorCodeIsUnknown() {
        AwsServiceException bare = AwsServiceException.builder().statusCode(502).message("Bad Gateway").build();

        assertThat(SnsFailures.classify(bare)).isInstanceOf(SmsSendResult.Unknown.class);
    }

    @Test
    void connectFailuresAreRetryableRejections() {
        assertThat(SnsFailures.classify(clientError(new ConnectException("Connection refused"))))
                .extracting(r -> ((SmsSendResult.Rejected) r).code()).isEqualTo("connect-failed");
        assertThat(SnsFailures.classify(clientError(new SocketTimeoutException("Connect timed out"))))
                .isInstanceOf(SmsSendResult.Rejected.class);
    }

    @Test
    void failuresAfterTheRequestWasWrittenAreUnknown() {
        assertThat(SnsFailures.classify(clientError(new SocketTimeoutException("Read timed out"))))
                .isInstanceOf(SmsSendResult.Unknown.class);
        assertThat(SnsFailures.classify(clientError(new SocketException("Connection reset"))))
                .isInstanceOf(SmsSendResult.Unknown.class);
        assertThat(SnsFailures.classify(ApiCallTimeoutException.create(1000)))
                .isInstanceOf(SmsSendResult.Unknown.class);
        assertThat(SnsFailures.classify(ApiCallAttemptTimeoutException.create(1000)))
                .isInstanceOf(SmsSendResult.Unknown.class);
        assertThat(SnsFailures.classify(SdkClientException.create("Unable to unmarshall response")))
                .isInstanceOf(SmsSendResult.Unknown.class);
    }

    @Test
    void aFailureMarkedAsNeverTransmittedIsARetryableRejection() {
        ApiCallTimeoutException timeout = ApiCallTimeoutException.create(1000);
        timeout.addSuppressed(new SnsTransmission.NotTransmitted());

        assertThat(SnsFailures.classify(timeout)).extracting(r -> ((SmsSendResult.Rejected) r).code())
                .isEqualTo("not-sent");
    }

    @Test
    void aRealClientThatCannotLoadCredentialsSendsNothingAndSaysSo() throws Exception {
        AwsCredentialsProvider broken = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers");
        };
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SnsClient sns = client(URI.create("http://127.0.0.1:" + listener.getLocalPort()), broken)) {

            SmsSendResult result = new SnsSmsProvider(sns, Optional.empty()).send(MESSAGE);

            assertThat(result).extracting(r -> ((SmsSendResult.Rejected) r).code()).isEqualTo("not-sent");
            assertThat(((SmsSendResult.Rejected) result).retryable()).isTrue();
        }
    }

    @Test
    void aRealClientFacingARefusedConnectionSendsNothingAndSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SnsClient sns = client(URI.create("http://127.0.0.1:" + closedPort), credentials())) {

            SmsSendResult result = new SnsSmsProvider(sns, Optional.empty()).send(MESSAGE);

            assertThat(result).isInstanceOf(SmsSendResult.Rejected.class);
            assertThat(((SmsSendResult.Rejected) result).code()).isEqualTo("connect-failed");
        }
    }

    @Test
    void aRealClientWhoseRequestGetsNoAnswerCannotTellAndSaysSo() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SnsClient sns = client(URI.create("http://127.0.0.1:" + silent.getLocalPort()), credentials())) {
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (Exception e) {
                    // The listener closed: the test is over.
                }
            });
            acceptor.start();

            SmsSendResult result = new SnsSmsProvider(sns, Optional.empty()).send(MESSAGE);

            assertThat(result).isInstanceOf(SmsSendResult.Unknown.class);
            acceptor.join(5_000);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private static SnsClient client(URI endpoint, AwsCredentialsProvider credentials) {
        return SnsClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMillis(500)).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(new SnsTransmission()))
                .build();
    }

    private static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    private static SmsSendResult.Rejected classify(AwsServiceException.Builder builder, int status, String code) {
        AwsServiceException e = builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("msg").serviceName("Sns").build())
                .build();
        return (SmsSendResult.Rejected) SnsFailures.classify(e);
    }

    private static SdkClientException clientError(Exception cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage())
                .cause(cause).build();
    }
}

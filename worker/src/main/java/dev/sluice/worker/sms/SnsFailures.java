package dev.sluice.worker.sms;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Classifies a failed SNS {@code Publish} (one attempt: the client does not retry, see
 * {@link dev.sluice.worker.wiring.SnsClientProducer}).
 *
 * <table>
 *   <tr><th>failure</th><th>result</th></tr>
 *   <tr><td>service error, throttling ({@code Throttled}, {@code Throttling}, 429 …)</td><td>Rejected, retryable</td></tr>
 *   <tr><td>service error {@code KMS*} (the topic key; SMS rarely meets it)</td><td>Rejected, retryable</td></tr>
 *   <tr><td>service error, expired credentials or clock skew</td><td>Rejected, retryable</td></tr>
 *   <tr><td>service error 5xx with an error code ({@code InternalError}, {@code ServiceUnavailable})</td><td>Rejected, retryable</td></tr>
 *   <tr><td>any other service error with a code: {@code InvalidParameter}, {@code InvalidParameterValue},
 *       {@code OptedOut}, {@code AuthorizationError}, {@code ValidationException} …</td><td>Rejected, not retryable</td></tr>
 *   <tr><td>service error 5xx without an error code (a proxy's or load balancer's page)</td><td>Unknown</td></tr>
 *   <tr><td>service error 4xx without an error code</td><td>Rejected {@code http-<status>}, retryable for 408/429 only</td></tr>
 *   <tr><td>client error before the request was handed to the HTTP client ({@link SnsTransmission})</td><td>Rejected {@code not-sent}, retryable</td></tr>
 *   <tr><td>client error from connecting (refused, DNS, connect timeout, TLS handshake)</td><td>Rejected {@code connect-failed}, retryable</td></tr>
 *   <tr><td>{@link ApiCallTimeoutException}, {@link ApiCallAttemptTimeoutException}, read timeout, reset,
 *       an unreadable answer, any other client error</td><td>Unknown</td></tr>
 * </table>
 * A service error is an answer from SNS about this request, so it is taken as "not published"; AWS does
 * not promise that for 5xx, but it is the same convention the SDK's own retries rely on.
 */
final class SnsFailures {
    private static final Set<String> THROTTLING = Set.of("Throttled", "Throttling", "ThrottlingException",
            "ThrottledException", "TooManyRequestsException", "RequestLimitExceeded");
    private static final Set<String> STALE_CREDENTIALS = Set.of("ExpiredToken", "ExpiredTokenException",
            "RequestExpired");

    private SnsFailures() {
    }

    static SmsSendResult classify(SdkException failure) {
        if (failure instanceof AwsServiceException service) {
            return classifyService(service);
        }
        if (failure instanceof SdkClientException && SnsTransmission.neverTransmitted(failure)) {
            return new SmsSendResult.Rejected("not-sent", "SNS call failed before sending: " + failure.getMessage(), true);
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            return new SmsSendResult.Unknown("SNS call timed out after sending: " + failure.getMessage());
        }
        if (failure instanceof SdkClientException && ConnectFailures.isConnectFailure(failure)) {
            return new SmsSendResult.Rejected("connect-failed", "cannot connect to SNS: " + failure.getMessage(), true);
        }
        return new SmsSendResult.Unknown("SNS call failed, the message may have been published: " + failure.getMessage());
    }

    private static SmsSendResult classifyService(AwsServiceException service) {
        int status = service.statusCode();
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        String message = service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage();
        if (code == null || code.isBlank()) {
            if (status >= 500 || status < 400) {
                return new SmsSendResult.Unknown("SNS answered HTTP " + status + " without an error code");
            }
            return new SmsSendResult.Rejected("http-" + status, "SNS answered HTTP " + status, status == 408 || status == 429);
        }
        String reason = code + " (" + status + "): " + message;
        boolean retryable = service.isThrottlingException() || THROTTLING.contains(code) || code.startsWith("KMS")
                || service.isClockSkewException() || STALE_CREDENTIALS.contains(code) || status >= 500;
        return new SmsSendResult.Rejected(code, reason, retryable);
    }
}

package dev.sluice.worker.sms;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Marks an SNS call that failed before its HTTP request was handed to the HTTP client (credentials,
 * signing, endpoint resolution, a call timeout while still preparing): such a failure sent nothing, while
 * the SDK reports it as the same {@code SdkClientException} as a failure after sending. The mark is a
 * suppressed {@link NotTransmitted} on the exception, read by {@link SnsFailures}.
 */
public final class SnsTransmission implements ExecutionInterceptor {
    private static final ExecutionAttribute<Boolean> TRANSMITTED = new ExecutionAttribute<>("sluice.sms.sns.transmitted");

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(TRANSMITTED, Boolean.TRUE);
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (!Boolean.TRUE.equals(attributes.getAttribute(TRANSMITTED))) {
            failure.addSuppressed(new NotTransmitted());
        }
        return failure;
    }

    static boolean neverTransmitted(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof NotTransmitted) {
                return true;
            }
        }
        return false;
    }

    /** The mark itself; no stack trace, it is only a flag. */
    static final class NotTransmitted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotTransmitted() {
            super("the request was never handed to the HTTP client", null, false, false);
        }
    }
}

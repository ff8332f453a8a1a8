package dev.sluice.worker.sms;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;

/**
 * Recognises failures that happen before an HTTP request's first byte can be written: the name did not
 * resolve, the connection was refused or timed out, the TLS handshake failed. Such a request certainly
 * sent nothing. Anything else that goes wrong on the wire (a reset, a read timeout, a connection closed
 * mid-answer) may come after the provider received the request.
 *
 * <p>Only sound for a call that made a single attempt: after a retry, a connect failure of the last
 * attempt says nothing about the earlier ones. Both providers' clients therefore never retry.
 */
final class ConnectFailures {
    private static final int MAX_CAUSES = 16;

    private ConnectFailures() {
    }

    static boolean isConnectFailure(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof PortUnreachableException
                    || t instanceof HttpConnectTimeoutException || t instanceof SSLHandshakeException
                    // Apache's and Netty's connect timeouts, without a compile-time dependency on either.
                    || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return true;
            }
            // URLConnection's connect timeout is a plain SocketTimeoutException("Connect timed out");
            // its read timeout is one too ("Read timed out"), which must not match.
            if (t instanceof SocketTimeoutException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).startsWith("connect")) {
                return true;
            }
        }
        return false;
    }
}

package dev.sluice.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;

/** One readiness probe: does an HTTP server answer 200 at this address right now? */
final class HttpReadiness {

    private static final int TIMEOUT_MILLIS = 2_000;

    private HttpReadiness() {
    }

    static boolean answers(URI uri) {
        try {
            // NO_PROXY: a developer's proxy settings must not intercept loopback probes.
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            try {
                int status = connection.getResponseCode();
                try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                    if (body != null) {
                        body.readAllBytes();
                    }
                }
                return status == HttpURLConnection.HTTP_OK;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }
}

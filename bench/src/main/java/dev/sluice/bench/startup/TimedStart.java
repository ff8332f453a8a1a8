package dev.sluice.bench.startup;

import dev.sluice.devstack.AppProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts one app process and times it to ready: from just before the process is spawned until
 * {@code /q/health/ready} first answers 200, polled every 20 ms (the resolution of the number).
 *
 * @param readyMillis     spawn → ready, the JVM's own start included
 * @param startedInMillis what Quarkus logs as "started in", which leaves out the JVM's start; empty if absent
 */
record TimedStart(AppProcess app, double readyMillis, OptionalDouble startedInMillis) {
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+(?:\\.\\d+)?)s");

    /** {@code log} is where {@code launch} sends the output: only what this start appends to it is read. */
    static TimedStart of(Path log, Supplier<AppProcess> launch) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long logOffset = sizeOf(log);
        long start = System.nanoTime();
        AppProcess app = launch.get();
        try {
            return awaitReady(app, http, start, logOffset);
        } catch (InterruptedException | RuntimeException e) {
            app.kill();
            throw e;
        }
    }

    private static TimedStart awaitReady(AppProcess app, HttpClient http, long start, long logOffset)
            throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(app.uri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - start < TIMEOUT.toNanos()) {
            if (!app.isAlive()) {
                throw new IllegalStateException(app.name() + " exited before it was ready; see " + app.log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    return new TimedStart(app, millis, startedIn(app.log(), logOffset));
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(app.name() + " not ready after " + TIMEOUT + "; see " + app.log());
    }

    /** The line may be written a moment after the HTTP server answers: looked for during one second. */
    private static OptionalDouble startedIn(Path log, long offset) throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            try {
                byte[] bytes = Files.readAllBytes(log);
                String appended = new String(bytes, (int) Math.min(offset, bytes.length),
                        (int) Math.max(0, bytes.length - offset), StandardCharsets.UTF_8);
                Matcher m = STARTED_IN.matcher(appended);
                if (m.find()) {
                    return OptionalDouble.of(Double.parseDouble(m.group(1)) * 1000);
                }
            } catch (IOException e) {
                // not written yet
            }
            Thread.sleep(100);
        }
        return OptionalDouble.empty();
    }

    private static long sizeOf(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}

package dev.sluice.bench.admission;

import dev.sluice.bench.run.Latencies;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every client's outcome of one burst. {@code latencies} holds the answered requests only (success or
 * error); a timeout is counted, not timed. {@code startNanos} is when the first request left and
 * {@code elapsedNanos} runs from then to the last outcome (answer or timeout).
 */
record BurstResult(List<ClientOutcome> outcomes, Latencies latencies, long startNanos, long elapsedNanos) {

    int clients() {
        return outcomes.size();
    }

    int count(ClientOutcome.Kind kind) {
        return (int) outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    /** Successful answers per second of the burst. */
    double okPerSecond() {
        return elapsedNanos == 0 ? 0 : count(ClientOutcome.Kind.OK) / (elapsedNanos / 1e9);
    }

    /** Percent of the clients. */
    double percent(ClientOutcome.Kind kind) {
        return clients() == 0 ? 0 : 100.0 * count(kind) / clients();
    }

    /** The bodies of the successful JSON answers. */
    List<String> okBodies() {
        return outcomes.stream().filter(o -> o.kind() == ClientOutcome.Kind.OK && o.body() != null)
                .map(ClientOutcome::body).toList();
    }

    /** How the errors broke down, e.g. {@code {HTTP 502=3, ConnectException=1}}. */
    Map<String, Integer> errorKinds() {
        Map<String, Integer> kinds = new TreeMap<>();
        outcomes.stream().filter(o -> o.kind() == ClientOutcome.Kind.ERROR)
                .forEach(o -> kinds.merge(o.detail(), 1, Integer::sum));
        return kinds;
    }
}

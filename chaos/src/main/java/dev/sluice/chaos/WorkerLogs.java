package dev.sluice.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the workers said about themselves, from the log of every generation, killed ones included. The
 * worker ends each task with {@code task finished outcome=<Outcome>[...]} and warns {@code lease lost:
 * <why>} when a heartbeat or a commit is refused; the task's IDs and fencing token are in the MDC part
 * of the line ({@code {attempt=.., fencingToken=.., jobId=.., taskId=.., workerId=..}} in text, an {@code "mdc"}
 * object in JSON). Fields are found
 * by name anywhere on the line, so the parse survives a change of the console format's layout.
 *
 * @param completed       one entry per {@code outcome=Completed} line
 * @param outcomeTotals   number of {@code task finished} lines per outcome name
 * @param leaseLostReasons number of {@code lease lost:} warnings per reason
 * @param leaseAcquired   number of {@code lease acquired} lines
 */
public record WorkerLogs(List<Completion> completed, Map<String, Integer> outcomeTotals,
                         Map<String, Integer> leaseLostReasons, int leaseAcquired, int files) {

    /** One {@code outcome=Completed} line: a commit the worker believes succeeded. */
    public record Completion(String taskId, String workerId, long fencingToken) {
    }

    private static final Pattern FINISHED = Pattern.compile("task finished outcome=([A-Za-z]+)");
    // Text lines carry the MDC as {key=value, ...}, JSON lines (the prod profile) as "mdc":{"key":"value"}.
    private static final Pattern LEASE_LOST = Pattern.compile("lease lost: ([^\"]*)");
    private static final Pattern TASK_ID = Pattern.compile("\\btaskId(?:=|\":\")([A-Za-z0-9._-]+)");
    private static final Pattern WORKER_ID = Pattern.compile("\\bworkerId(?:=|\":\")([A-Za-z0-9._-]+)");
    private static final Pattern TOKEN = Pattern.compile("\\bfencingToken(?:=|\":\")(\\d+)");

    public WorkerLogs {
        completed = List.copyOf(completed);
        outcomeTotals = Map.copyOf(outcomeTotals);
        leaseLostReasons = Map.copyOf(leaseLostReasons);
    }

    public static WorkerLogs read(List<Path> logs) {
        List<Completion> completed = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> lost = new TreeMap<>();
        int acquired = 0;
        for (Path log : logs) {
            if (!Files.exists(log)) {
                continue;
            }
            // A killed worker may have left half a line: malformed input is replaced, never fatal.
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    Matcher finished = FINISHED.matcher(line);
                    if (finished.find()) {
                        String outcome = finished.group(1);
                        outcomes.merge(outcome, 1, Integer::sum);
                        if (outcome.equals("Completed")) {
                            completed.add(new Completion(field(TASK_ID, line), field(WORKER_ID, line),
                                    token(line)));
                        }
                        continue;
                    }
                    Matcher leaseLost = LEASE_LOST.matcher(line);
                    if (leaseLost.find()) {
                        String reason = leaseLost.group(1).trim();
                        lost.merge(reason.length() > 80 ? reason.substring(0, 80) : reason, 1, Integer::sum);
                        continue;
                    }
                    if (line.contains("lease acquired")) {
                        acquired++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + log, e);
            } catch (UncheckedIOException e) {
                // MalformedInputException from a torn last line: keep what was read.
            }
        }
        return new WorkerLogs(completed, outcomes, lost, acquired, logs.size());
    }

    /** {@code outcome=Completed} lines per task ID. */
    public Map<String, Integer> completionsByTask() {
        Map<String, Integer> counts = new HashMap<>();
        completed.forEach(c -> counts.merge(c.taskId(), 1, Integer::sum));
        return counts;
    }

    public int leaseLostWarnings() {
        return leaseLostReasons.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Commits (complete, release, fail) the table refused because the fencing token was no longer current. */
    public int refusedCommits() {
        return leaseLostReasons.entrySet().stream().filter(e -> e.getKey().contains("refused"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    public int outcomes(String name) {
        return outcomeTotals.getOrDefault(name, 0);
    }

    private static String field(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? m.group(1) : "";
    }

    private static long token(String line) {
        Matcher m = TOKEN.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}

package dev.sluice.chaos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The one JSON line a run ends with: verdict first, then what was done to the system, then every
 * invariant's figures. Scripts read it with {@code tail -1}; people read {@code result} and {@code failed}.
 */
public record FinalReport(boolean passed, boolean harnessError, ObjectNode json) {

    /** What the harness knows at the end of a run that got as far as the checks. */
    public record Run(ChaosOptions options, Scenario scenario, long durationSeconds, Timeline timeline,
                      int generations, String pauseProblem, int pauseTakenOver, long sqsProxyConnections, long dynamoProxyConnections,
                      SubmissionStats submissions, Settling.Result settle, List<ReaperRun> reaper,
                      List<InvariantCheck> checks, Path logs) {
    }

    public static FinalReport of(Run run) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        List<String> failed = run.checks().stream().filter(c -> !c.passed()).map(InvariantCheck::name).toList();
        json.put("result", failed.isEmpty() ? "PASS" : "FAIL");
        json.set("failed", Json.MAPPER.valueToTree(failed));
        json.put("seed", run.scenario().seed());
        json.put("tasks", run.scenario().tasks().size());
        ObjectNode poison = json.putObject("poison");
        poison.put("permanent", run.scenario().count(TaskKind.POISON_PERMANENT));
        poison.put("transient", run.scenario().count(TaskKind.POISON_TRANSIENT));
        json.put("workers", run.options().workers());
        json.put("durationSeconds", run.durationSeconds());
        settings(json.putObject("settings"), run.options());
        chaos(json.putObject("chaos"), run);
        json.set("submissions", Json.MAPPER.valueToTree(run.submissions()));
        ObjectNode settle = json.putObject("settle");
        settle.put("settled", run.settle().settled());
        settle.put("stalled", run.settle().stalled());
        settle.put("timedOut", run.settle().timedOut());
        settle.put("seconds", run.settle().seconds());
        settle.put("unfinished", run.settle().unfinished().size());
        ArrayNode reaper = json.putArray("reaper");
        for (ReaperRun pass : run.reaper()) {
            ObjectNode node = reaper.addObject();
            node.put("pass", pass.pass());
            node.put("exitCode", pass.exitCode());
            node.put("millis", pass.millis());
            node.set("summary", pass.summary());
        }
        ObjectNode invariants = json.putObject("invariants");
        for (InvariantCheck check : run.checks()) {
            ObjectNode node = Json.MAPPER.valueToTree(check);
            node.remove("name");
            invariants.set(check.name(), node);
        }
        json.put("logs", run.logs().toString());
        return new FinalReport(failed.isEmpty(), false, json);
    }

    /** The harness itself failed (a server would not start, a build is missing): no verdict on the system. */
    public static FinalReport error(long seed, String message, Path logs) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("result", "ERROR");
        json.put("error", message);
        json.put("seed", seed);
        if (logs != null) {
            json.put("logs", logs.toString());
        }
        return new FinalReport(false, true, json);
    }

    public String line() {
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public int exitCode() {
        return harnessError ? 3 : passed ? 0 : 1;
    }

    private static void settings(ObjectNode node, ChaosOptions options) {
        node.put("leaseTtlMs", options.leaseTtl().toMillis());
        node.put("modelLatency", options.modelLatency().describe());
        node.put("transientRate", options.transientRate());
        node.put("maxReceives", options.maxReceives());
        node.put("concurrency", options.concurrency());
        node.put("killEverySeconds", options.killEvery().toMillis() / 1000.0);
    }

    private static void chaos(ObjectNode node, Run run) {
        Timeline timeline = run.timeline();
        node.put("kills", timeline.kills().size());
        node.put("workerGenerations", run.generations());
        ArrayNode pauses = node.putArray("pauses");
        for (Timeline.Pause pause : timeline.pauses()) {
            ObjectNode p = pauses.addObject();
            p.put("worker", pause.workerId());
            p.put("atSecond", pause.secondsIntoRun());
            p.put("seconds", (pause.toNanos() - pause.fromNanos()) / 1_000_000 / 1000.0);
            p.put("leasesHeld", pause.heldTasks().size());
            p.put("takenOver", run.pauseTakenOver());
        }
        if (run.pauseProblem() != null) {
            node.put("pauseProblem", run.pauseProblem());
        }
        ArrayNode outages = node.putArray("outages");
        for (Timeline.Outage outage : timeline.outages()) {
            ObjectNode o = outages.addObject();
            o.put("target", outage.target().id());
            o.put("atSecond", outage.secondsIntoRun());
            o.put("seconds", (outage.toNanos() - outage.fromNanos()) / 1_000_000 / 1000.0);
            o.put("connectionsReset", outage.connectionsReset());
        }
        ObjectNode proxies = node.putObject("proxiedConnections");
        proxies.put("sqs", run.sqsProxyConnections());
        proxies.put("dynamodb", run.dynamoProxyConnections());
    }
}

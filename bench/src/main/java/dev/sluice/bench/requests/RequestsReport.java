package dev.sluice.bench.requests;

import dev.sluice.bench.run.ScenarioReport;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The requests scenario's tables: per task, dollars per million tasks, status reads, idle cost, prices. */
final class RequestsReport {
    private static final double MILLION = 1e6;
    private static final double MINUTES_PER_MONTH = 30 * 24 * 60;
    /** Kubernetes' default readinessProbe period. */
    private static final int PROBES_PER_MINUTE = 6;

    private RequestsReport() {
    }

    static ScenarioReport build(TaskRound shortTasks, TaskRound longTasks, StatusReads reads, IdleCost idle) {
        ScenarioReport report = new ScenarioReport("requests: AWS requests and dollars per task");
        RequestCounts a = shortTasks.perTask();
        RequestCounts b = longTasks.perTask();
        ScenarioReport.Table perTask = report.table("Requests per task (API + worker), each retry counted",
                "service", "operation", "made by", "per task, " + shortTasks.label(), "per task, " + longTasks.label(),
                "billed as");
        Set<AwsCall> calls = new TreeSet<>(a.counts().keySet());
        calls.addAll(b.counts().keySet());
        for (AwsCall call : calls) {
            perTask.row(call.service(), call.operation(), madeBy(call, shortTasks, longTasks), count(a.get(call)),
                    count(b.get(call)), PriceList.of(call).basis());
        }
        perTask.row("**all**", "", "", count(a.total()), count(b.total()), "");

        ScenarioReport.Table dollars = report.table("Dollars per million tasks (requests only)",
                "service", shortTasks.label(), longTasks.label());
        Map<String, Double> da = Costs.byService(a);
        Map<String, Double> db = Costs.byService(b);
        Set<String> services = new LinkedHashSet<>(da.keySet());
        services.addAll(db.keySet());
        Set<String> priced = Costs.pricedServices(a.plus(b));
        for (String service : services) {
            boolean included = priced.contains(service);
            dollars.row(service, included ? Costs.usd(da.getOrDefault(service, 0.0) * MILLION) : "not included",
                    included ? Costs.usd(db.getOrDefault(service, 0.0) * MILLION) : "not included");
        }
        dollars.row("**total**", Costs.usd(Costs.total(a) * MILLION), Costs.usd(Costs.total(b) * MILLION));

        ScenarioReport.Table status = report.table("One status read after completion (GET /v1/jobs/{id}), API only",
                "service", "operation", "requests per read", "$ per million reads");
        reads.perRead().counts().forEach((call, n) -> status.row(call.service(), call.operation(), count(n),
                Costs.usd(n * PriceList.of(call).dollars() * MILLION)));

        ScenarioReport.Table idleTable = report.table("Idle: not charged to tasks",
                "app", "service", "operation", "requests per idle minute", "$ per 30-day month");
        idle.perMinute().forEach((app, counts) -> {
            if (counts.counts().isEmpty()) {
                idleTable.row(app, "–", "none in the window", count(0), "$0");
            }
            counts.counts().forEach((call, n) -> idleTable.row(app, call.service(), call.operation(), count(n),
                    String.format("$%.4f", n * PriceList.of(call).dollars() * MINUTES_PER_MONTH)));
        });
        ScenarioReport.Table probes = report.table("One readiness probe (GET /q/health/ready)",
                "app", "service", "operation", "requests per probe", "$ per 30-day month, probed every 10 s");
        idle.perProbe().forEach((app, counts) -> {
            if (counts.counts().isEmpty()) {
                probes.row(app, "–", "no AWS request", count(0), "$0");
            }
            counts.counts().forEach((call, n) -> probes.row(app, call.service(), call.operation(), count(n),
                    String.format("$%.4f", n * PriceList.of(call).dollars() * PROBES_PER_MINUTE * MINUTES_PER_MONTH)));
        });

        ScenarioReport.Table prices = report.table(PriceList.SOURCE, "service", "list price");
        for (String[] line : PriceList.table()) {
            prices.row((Object[]) line);
        }
        Set<String> unpriced = new TreeSet<>(Costs.unpriced(a));
        unpriced.addAll(Costs.unpriced(b));
        report.note("Not priced (no dollars counted): %s.", unpriced.isEmpty() ? "none" : String.join(", ", unpriced));
        return report;
    }

    private static String madeBy(AwsCall call, TaskRound... rounds) {
        boolean api = Arrays.stream(rounds).anyMatch(r -> r.api().get(call) > 0);
        boolean worker = Arrays.stream(rounds).anyMatch(r -> r.worker().get(call) > 0);
        return api && worker ? "api+worker" : api ? "api" : "worker";
    }

    static String count(double n) {
        return String.format("%.2f", n);
    }
}

package dev.sluice.chaos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The planned scenario as one JSON line, for {@code --dry-run}: what the seed decided, before anything runs. */
final class ScenarioPlan {
    private ScenarioPlan() {
    }

    static String of(Scenario scenario) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("seed", scenario.seed());
        json.put("tasks", scenario.tasks().size());
        ArrayNode permanent = json.putArray("poisonPermanent");
        ArrayNode hopeless = json.putArray("poisonTransient");
        for (int i = 0; i < scenario.tasks().size(); i++) {
            if (scenario.tasks().get(i) == TaskKind.POISON_PERMANENT) {
                permanent.add(i);
            } else if (scenario.tasks().get(i) == TaskKind.POISON_TRANSIENT) {
                hopeless.add(i);
            }
        }
        json.put("killEverySeconds", scenario.kills().mean().toMillis() / 1000.0);
        scenario.pause().ifPresent(p -> {
            ObjectNode pause = json.putObject("pause");
            pause.put("atSecond", p.startAfter().toMillis() / 1000.0);
            pause.put("seconds", p.duration().toMillis() / 1000.0);
        });
        ArrayNode outages = json.putArray("outages");
        for (OutagePlan plan : scenario.outages()) {
            ObjectNode outage = outages.addObject();
            outage.put("target", plan.target().id());
            outage.put("atSecond", plan.startAfter().toMillis() / 1000.0);
            outage.put("seconds", plan.duration().toMillis() / 1000.0);
        }
        return json.toString();
    }
}

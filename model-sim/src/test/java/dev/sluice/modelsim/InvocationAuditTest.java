package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvocationAuditTest {

    @Test
    void keepsOnlyTheNewestRecords() {
        InvocationAudit audit = new InvocationAudit(3);
        for (int i = 0; i < 5; i++) {
            long seq = audit.nextSeq();
            audit.add(new InvocationRecord(seq, "e", "t" + i, null, null, null, 0, 1, 0, 200, "ok", false));
        }

        assertThat(audit.snapshot()).extracting(InvocationRecord::seq).containsExactly(3L, 4L, 5L);
        audit.clear();
        assertThat(audit.snapshot()).isEmpty();
        assertThat(audit.nextSeq()).isEqualTo(6);
    }

    @Test
    void smallCapacityIsHonouredOverTheWire() {
        try (ModelSim sim = ModelSim.start(ModelSimSettings.defaults().withAuditCapacity(2))) {
            var sdk = SageMakerClients.forSim(sim.uri());
            for (int i = 0; i < 4; i++) {
                sdk.invokeEndpoint(SageMakerClients.image("p", 8, 8, "t" + i));
            }
            sdk.close();

            assertThat(sim.client().invocations()).extracting(InvocationRecord::taskId).containsExactly("t2", "t3");
        }
    }
}

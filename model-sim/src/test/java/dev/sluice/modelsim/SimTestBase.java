package dev.sluice.modelsim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/** One simulator and one SDK client per test class, reset to a quiet state before each test. */
abstract class SimTestBase {

    static ModelSim sim;
    static ModelSimClient admin;
    static SageMakerRuntimeClient sdk;

    @BeforeAll
    static void startSim() {
        sim = ModelSim.start(ModelSimSettings.defaults().withSeed(42L)
                .withVideoSource((bucket, key) -> java.util.Optional.empty()));
        admin = sim.client();
        sdk = SageMakerClients.forSim(sim.uri());
    }

    @AfterAll
    static void stopSim() {
        sdk.close();
        sim.stop();
    }

    @BeforeEach
    void quiet() {
        admin.reset();
    }
}

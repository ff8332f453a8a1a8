package dev.sluice.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the shared local stack. Every test class of a module
 * should carry the same annotation (and arguments) so Quarkus starts the application once.
 *
 * <p>Argument {@code model=true} also points the app's SageMaker client at the model simulator; only
 * apps that call the model know that setting, and Quarkus refuses unknown {@code sluice.*} keys.
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {
    public static final String MODEL = "model";

    private boolean model;

    @Override
    public void init(Map<String, String> initArgs) {
        model = Boolean.parseBoolean(initArgs.getOrDefault(MODEL, "false"));
    }

    @Override
    public Map<String, String> start() {
        DevStack stack = DevStack.shared();
        Map<String, String> config = new HashMap<>(stack.quarkusConfig());
        if (model) {
            config.put("sluice.model.endpoint-override", stack.modelSim().uri().toString());
        }
        return config;
    }

    @Override
    public void stop() {
        // The stack is shared by every test class of the JVM and stops with it.
    }
}

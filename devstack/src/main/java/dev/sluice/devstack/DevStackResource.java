package dev.sluice.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the shared local stack. Every test class of a module
 * should carry the same annotation so Quarkus starts the application once.
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return DevStack.shared().quarkusConfig();
    }

    @Override
    public void stop() {
        // The stack is shared by every test class of the JVM and stops with it.
    }
}

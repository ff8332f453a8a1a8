package dev.sluice.reaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.devstack.DevStackResource;
import dev.sluice.reaper.CommandResult;
import dev.sluice.reaper.KubernetesMockResource;
import dev.sluice.reaper.Reaper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage: asked for, it goes to stdout with exit code 0; after bad arguments, to stderr with exit code 2. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(KubernetesMockResource.class)
class UsageTest {

    @Inject
    Reaper reaper;

    @ParameterizedTest
    @ValueSource(strings = {
            "--bogus",
            "reap",
            "run --second-look soon",
            "run extra",
            "dlq",
            "dlq redrive",
            "dlq redrive --all --task abc-0",
            "dlq redrive --task",
            "dlq list --limit many",
            "task",
            "task show",
            "task show a b c"})
    void badArgumentsExitWith2AndPrintTheUsage(String commandLine) {
        CommandResult result = reaper.execute(commandLine.split(" "));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: reaper");
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help run", "run --help", "dlq list --help", "dlq redrive --help", "task show -h"})
    void helpPrintsTheUsageAndExits0(String commandLine) {
        CommandResult result = reaper.execute(commandLine.split(" "));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: reaper");
    }
}

package dev.sluice.worker.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.job.TaskOutput;
import dev.sluice.devstack.DevStack;
import dev.sluice.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = DevStackResource.MODEL, value = "true"))
class OutputWriterTest {

    @Inject
    OutputWriter writer;

    @Test
    void aSecondWriteOfTheSameKeyKeepsTheFirstObjectAndCreatesNoVersion() {
        String key = "outputs/writer-test/" + UUID.randomUUID() + "/task-0.json";
        byte[] first = "{\"attempt\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"attempt\":2,\"longer\":true}".getBytes(StandardCharsets.UTF_8);

        TaskOutput written = writer.write(key, first, "application/json");
        TaskOutput again = writer.write(key, second, "application/json");

        assertThat(again).isEqualTo(written);
        assertThat(written.sha256()).isEqualTo(OutputWriter.sha256(first));
        DevStack stack = DevStack.shared();
        String bucket = stack.resources().bucket();
        assertThat(stack.clients().s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()).isEqualTo(first);
        var versions = stack.clients().s3().listObjectVersions(b -> b.bucket(bucket).prefix(key));
        assertThat(versions.versions()).hasSize(1);
    }
}

package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    @Test
    void serviceSpecificVariableWinsOverTheGeneralOne() {
        S3Settings s3 = new S3Settings(null, null, null,
                Map.of("AWS_ENDPOINT_URL", "http://general:1", "AWS_ENDPOINT_URL_S3", "http://s3only:2"));

        assertThat(s3.resolvedEndpoint()).isEqualTo(URI.create("http://s3only:2"));
        assertThat(s3.resolvedForcePathStyle()).isTrue();
        assertThat(s3.region()).isEqualTo("eu-west-1");
    }

    @Test
    void explicitOverrideWinsOverTheEnvironment() {
        S3Settings s3 = new S3Settings(URI.create("http://explicit:3"), null, "us-east-1",
                Map.of("AWS_ENDPOINT_URL", "http://general:1"));

        assertThat(s3.resolvedEndpoint()).isEqualTo(URI.create("http://explicit:3"));
        assertThat(s3.region()).isEqualTo("us-east-1");
    }

    @Test
    void realS3UsesVirtualHostsUnlessToldOtherwise() {
        S3Settings s3 = new S3Settings(null, null, null, Map.of());

        assertThat(s3.resolvedEndpoint()).isNull();
        assertThat(s3.resolvedForcePathStyle()).isFalse();
        assertThat(s3.withForcePathStyle(true).resolvedForcePathStyle()).isTrue();
    }
}

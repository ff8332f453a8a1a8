package dev.sluice.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/sluice-api:0.1.0",
            "registry.local:5000/team/app:1.2.3",
            "app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    })
    void pinnedReferencesPass(String image) {
        assertThat(ImageReference.unpinnedReason(image)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "app:latest", "registry.local:5000/team/app", "registry.local:5000/app:latest", " "})
    void latestOrMissingTagsFail(String image) {
        assertThat(ImageReference.unpinnedReason(image)).isNotNull();
    }
}

package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

class ImageGenerationTest extends SimTestBase {

    @Test
    void returnsPngOfTheRequestedSize() throws IOException {
        InvokeEndpointResponse response = sdk.invokeEndpoint(SageMakerClients.image("a red car at dusk", 320, 200, "t-1"));

        assertThat(response.contentType()).isEqualTo("image/png");
        assertThat(response.invokedProductionVariant()).isEqualTo("AllTraffic");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body().asByteArray()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void sameInputGivesIdenticalBytes() {
        byte[] first = sdk.invokeEndpoint(SageMakerClients.image("a blue truck", 256, 256, "t-1")).body().asByteArray();
        byte[] second = sdk.invokeEndpoint(SageMakerClients.image("a blue truck", 256, 256, "t-2")).body().asByteArray();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentPromptOrSizeGivesDifferentImages() {
        byte[] base = sdk.invokeEndpoint(SageMakerClients.image("a blue truck", 256, 256, null)).body().asByteArray();
        byte[] otherPrompt = sdk.invokeEndpoint(SageMakerClients.image("a green truck", 256, 256, null))
                .body().asByteArray();
        byte[] otherSize = sdk.invokeEndpoint(SageMakerClients.image("a blue truck", 256, 128, null))
                .body().asByteArray();

        assertThat(otherPrompt).isNotEqualTo(base);
        assertThat(otherSize).isNotEqualTo(base);
    }

    @Test
    void imageIsNotBlank() {
        BufferedImage image = ImageRenderer.render("anything at all", 64, 64);
        long distinctColours = java.util.stream.IntStream.range(0, 64 * 64)
                .map(i -> image.getRGB(i % 64, i / 64)).distinct().count();

        assertThat(distinctColours).isGreaterThan(50);
    }

    @Test
    void sizeDefaultsTo512() throws IOException {
        InvokeEndpointResponse response = sdk.invokeEndpoint(
                SageMakerClients.invocation("any-endpoint-name", "{\"prompt\":\"default size\"}", null));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body().asByteArray()));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
    }
}

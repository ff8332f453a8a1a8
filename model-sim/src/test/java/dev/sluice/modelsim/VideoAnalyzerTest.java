package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VideoAnalyzerTest {

    @Test
    void emptyObjectHasNoVehicle() {
        VideoAnalysis analysis = VideoAnalyzer.analyze(new byte[0]);

        assertThat(analysis.sizeBytes()).isZero();
        assertThat(analysis.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(analysis.entropyBitsPerByte()).isZero();
        assertThat(analysis.vehicleReport().detected()).isFalse();
        assertThat(analysis.vehicleReport().findings()).isEmpty();
    }

    @Test
    void entropyIsMeasuredOnTheByteHistogram() {
        byte[] everyByteOnce = new byte[256 * 16];
        IntStream.range(0, everyByteOnce.length).forEach(i -> everyByteOnce[i] = (byte) i);

        assertThat(VideoAnalyzer.analyze(new byte[1000]).entropyBitsPerByte()).isZero();
        assertThat(VideoAnalyzer.analyze(everyByteOnce).entropyBitsPerByte()).isEqualTo(8.0);
        assertThat(VideoAnalyzer.analyze(new byte[] {0, 1}).entropyBitsPerByte()).isEqualTo(1.0);
    }

    @Test
    void sameBytesGiveTheSameReport() {
        byte[] video = randomBytes(1, 300_000);

        assertThat(VideoAnalyzer.analyze(video.clone())).isEqualTo(VideoAnalyzer.analyze(video));
    }

    @Test
    void reportsArePlausible() {
        for (int seed = 0; seed < 200; seed++) {
            byte[] video = randomBytes(seed, 1 + seed * 997);
            VehicleReport report = VideoAnalyzer.analyze(video).vehicleReport();

            assertThat(report.detected()).isTrue();
            assertThat(report.vehicleType()).isNotBlank();
            assertThat(report.damageScore()).isBetween(0.0, 1.0);
            assertThat(report.estimatedFrames()).isBetween(1L, (long) video.length);
            assertThat(report.findings()).hasSizeLessThanOrEqualTo(4);
            assertThat(report.findings()).extracting(Finding::label).doesNotHaveDuplicates();
            assertThat(report.findings()).allSatisfy(f -> {
                assertThat(f.confidence()).isBetween(0.5, 1.0);
                assertThat(f.frame()).isBetween(0L, report.estimatedFrames() - 1);
                assertThat(f.severity()).isIn("minor", "moderate", "severe");
            });
            if (report.damageScore() >= 0.5) {
                assertThat(report.findings()).isNotEmpty();
            }
        }
    }

    @Test
    void framesGrowWithSize() {
        assertThat(VideoAnalyzer.analyze(randomBytes(1, 10)).vehicleReport().estimatedFrames()).isEqualTo(1);
        assertThat(VideoAnalyzer.analyze(randomBytes(1, 2_500_000)).vehicleReport().estimatedFrames()).isEqualTo(301);
    }

    private static byte[] randomBytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}

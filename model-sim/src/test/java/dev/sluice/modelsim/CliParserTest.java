package dev.sluice.modelsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CliParserTest {

    private static ModelSimSettings run(Map<String, String> env, String... args) {
        CliCommand command = CliParser.parse(args, env);
        assertThat(command).isInstanceOf(CliCommand.Run.class);
        return ((CliCommand.Run) command).settings();
    }

    @Test
    void defaults() {
        ModelSimSettings settings = run(Map.of());

        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(8090);
        assertThat(settings.latency()).isEqualTo(LatencySpec.none());
        assertThat(settings.failureRates()).isEqualTo(FailureRates.none());
        assertThat(settings.seed()).isNull();
        assertThat(settings.faults()).isEmpty();
        assertThat(settings.s3().resolvedEndpoint()).isNull();
    }

    @Test
    void everyFlag() {
        ModelSimSettings settings = run(Map.of(), "--host", "127.0.0.1", "--port", "9000", "--latency", "uniform:200-800",
                "--transient-rate", "0.1", "--throttle-rate=0.05", "--unavailable-rate", "0.02", "--permanent-rate", "0.01",
                "--seed", "42", "--fault", "match=flaky,kind=model-5xx,times=2", "--fault", "match=bad,kind=model-4xx",
                "--max-concurrency", "16", "--audit-capacity", "500", "--s3-endpoint", "http://localhost:5000",
                "--s3-path-style", "false", "--s3-region", "us-west-2");

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.latency()).isEqualTo(new LatencySpec.Uniform(200, 800));
        assertThat(settings.failureRates()).isEqualTo(new FailureRates(0.1, 0.05, 0.02, 0.01));
        assertThat(settings.seed()).isEqualTo(42L);
        assertThat(settings.faults()).containsExactly(FaultRule.times("flaky", FailureKind.MODEL_5XX, 2),
                FaultRule.always("bad", FailureKind.MODEL_4XX));
        assertThat(settings.maxConcurrency()).isEqualTo(16);
        assertThat(settings.auditCapacity()).isEqualTo(500);
        assertThat(settings.s3().resolvedEndpoint()).isEqualTo(URI.create("http://localhost:5000"));
        assertThat(settings.s3().resolvedForcePathStyle()).isFalse();
        assertThat(settings.s3().region()).isEqualTo("us-west-2");
    }

    @Test
    void environmentIsReadAndFlagsWin() {
        Map<String, String> env = Map.of("MODEL_SIM_PORT", "7000", "MODEL_SIM_LATENCY", "fixed:50",
                "MODEL_SIM_FAULTS", "match=a,kind=throttle; match=b,kind=unavailable,times=1",
                "AWS_ENDPOINT_URL", "http://moto:5000", "AWS_REGION", "eu-central-1");

        ModelSimSettings settings = run(env, "--latency", "fixed:10");

        assertThat(settings.port()).isEqualTo(7000);
        assertThat(settings.latency()).isEqualTo(new LatencySpec.Fixed(10));
        assertThat(settings.faults()).containsExactly(FaultRule.always("a", FailureKind.THROTTLE),
                FaultRule.times("b", FailureKind.UNAVAILABLE, 1));
        assertThat(settings.s3().resolvedEndpoint()).isEqualTo(URI.create("http://moto:5000"));
        assertThat(settings.s3().resolvedForcePathStyle()).isTrue();
        assertThat(settings.s3().region()).isEqualTo("eu-central-1");
    }

    @Test
    void helpIsNotAnError() {
        assertThat(CliParser.parse(new String[] {"--port", "1", "--help"}, Map.of()))
                .isInstanceOf(CliCommand.ShowHelp.class);
        assertThat(CliParser.USAGE).contains("--port", "--latency", "--transient-rate", "--throttle-rate",
                "--unavailable-rate", "--permanent-rate", "--seed", "--fault", "--s3-endpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--bogus 1",
        "--port",
        "--port eighty",
        "--port 70000",
        "--latency gamma:1,2",
        "--latency uniform:9-1",
        "--transient-rate 1.5",
        "--transient-rate 0.6 --throttle-rate 0.6",
        "--seed x",
        "--fault match=x,kind=explode",
        "--fault kind=throttle",
        "--s3-path-style maybe",
        "--s3-endpoint not-a-url",
        "--max-concurrency 0",
        "--port 1 --port 2",
        "stray"})
    void badArgumentsExitWith2(String line) {
        CliCommand command = CliParser.parse(line.split(" "), Map.of());

        assertThat(command).isInstanceOfSatisfying(CliCommand.Invalid.class,
                invalid -> assertThat(invalid.message()).isNotBlank());
        assertThat(CliCommand.Invalid.EXIT_CODE).isEqualTo(2);
    }

    @Test
    void badEnvironmentIsAlsoInvalid() {
        assertThat(CliParser.parse(new String[0], Map.of("MODEL_SIM_THROTTLE_RATE", "lots")))
                .isInstanceOf(CliCommand.Invalid.class);
    }
}

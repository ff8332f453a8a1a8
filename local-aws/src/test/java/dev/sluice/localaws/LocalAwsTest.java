package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The contract other modules and child processes configure themselves from. */
class LocalAwsTest {

    @Test
    void sharedInstanceIsStartedOnceAndSurvivesClose() {
        LocalAws aws = LocalAws.shared();
        aws.close();

        assertThat(LocalAws.shared()).isSameAs(aws);
        assertThat(aws.sqs().isRunning()).isTrue();
        assertThat(aws.moto().isRunning()).isTrue();
    }

    @Test
    void environmentPointsStandardSdkVariablesAtTheServers() {
        LocalAws aws = LocalAws.shared();
        String sqs = "http://127.0.0.1:" + aws.sqs().port();
        String moto = "http://127.0.0.1:" + aws.moto().port();

        assertThat(aws.endpoints()).isEqualTo(new Endpoints(URI.create(sqs), URI.create(moto)));
        assertThat(aws.environment()).containsExactly(
                entry("AWS_ENDPOINT_URL_SQS", sqs),
                entry("AWS_ENDPOINT_URL_DYNAMODB", moto),
                entry("AWS_ENDPOINT_URL_S3", moto),
                entry("AWS_ENDPOINT_URL_SNS", moto),
                entry("AWS_ENDPOINT_URL_SECRETS_MANAGER", moto),
                entry("AWS_ENDPOINT_URL_KMS", moto),
                entry("AWS_REGION", "eu-west-1"),
                entry("AWS_ACCESS_KEY_ID", "test"),
                entry("AWS_SECRET_ACCESS_KEY", "test"));
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}

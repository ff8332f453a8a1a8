package dev.sluice.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Outage simulation: a stopped server refuses connections, and a restarted one answers on the
 * same port with empty state. Uses its own servers so the shared ones keep their state.
 */
class ServerRestartTest {

    private static final Path LOGS = LocalAwsConfig.defaultLogDirectory();

    @Test
    void elasticMqRestartsOnSamePort() {
        try (ElasticMqServer server = new ElasticMqServer(0, LocalAws.REGION).start();
             SqsClient sqs = AwsClients.sqs(server.endpoint())) {
            int port = server.port();
            sqs.createQueue(b -> b.queueName("before-outage"));

            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(sqs::listQueues).isInstanceOf(SdkClientException.class);

            server.start();
            assertThat(server.port()).isEqualTo(port);
            assertThat(sqs.listQueues().queueUrls()).isEmpty();
            assertThat(sqs.createQueue(b -> b.queueName("after-outage")).queueUrl())
                    .isEqualTo(server.endpoint() + "/000000000000/after-outage");
        }
    }

    @Test
    void motoRestartsOnSamePort() {
        Path python = PythonVenv.atDefaultLocation().ensureInstalled(Requirements.moto());
        try (MotoServer server = new MotoServer(python, 0, LOGS).start();
             DynamoDbClient dynamo = AwsClients.dynamoDb(server.endpoint())) {
            int port = server.port();
            DynamoTables.createHashKeyTable(dynamo, "before-outage");

            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(dynamo::listTables).isInstanceOf(SdkClientException.class);

            server.start();
            assertThat(server.port()).isEqualTo(port);
            assertThat(dynamo.listTables().tableNames()).isEmpty();
            DynamoTables.createHashKeyTable(dynamo, "after-outage");
            assertThat(dynamo.listTables().tableNames()).containsExactly("after-outage");
        }
    }
}

package dev.sluice.devstack;

import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.ApiKeys;
import dev.sluice.localaws.LocalAws;
import dev.sluice.modelsim.ModelSim;
import dev.sluice.modelsim.ModelSimClient;
import dev.sluice.modelsim.ModelSimSettings;
import dev.sluice.modelsim.S3Settings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.regions.Region;

/**
 * Everything Sluice needs, running locally: the AWS servers with Sluice's table, queue, DLQ and
 * bucket provisioned, and the model simulator. Tests share one per JVM through {@link #shared()}.
 */
public final class DevStack {
    /** Small, so tests see the DLQ redrive after a few attempts. */
    public static final int TEST_MAX_RECEIVE_COUNT = 3;

    private static DevStack shared;

    private final LocalAws aws;
    private final AwsClients clients;
    private final SluiceResources resources;
    private final ModelSim modelSim;
    private final String invitationsKeyId;

    private DevStack(LocalAws aws, AwsClients clients, SluiceResources resources, ModelSim modelSim,
                     String invitationsKeyId) {
        this.invitationsKeyId = invitationsKeyId;
        this.aws = aws;
        this.clients = clients;
        this.resources = resources;
        this.modelSim = modelSim;
    }

    public static synchronized DevStack shared() {
        if (shared == null) {
            LocalAws aws = LocalAws.shared();
            ModelSim sim = ModelSim.start(ModelSimSettings.defaults().withPort(0)
                    .withS3(S3Settings.fromEnvironment().withEndpointOverride(aws.endpoints().s3())
                            .withForcePathStyle(true).withRegion(aws.region())));
            shared = start(aws, sim, ProvisioningSettings.defaults().withMaxReceiveCount(TEST_MAX_RECEIVE_COUNT));
            Runtime.getRuntime().addShutdownHook(new Thread(sim::stop, "model-sim-shutdown"));
        }
        return shared;
    }

    /** Provisions {@code settings} on running servers. */
    public static DevStack start(LocalAws aws, ModelSim modelSim, ProvisioningSettings settings) {
        useLocalCredentials(aws);
        AwsClients clients = AwsClients.forLocal(aws);
        SluiceResources resources = new ResourceProvisioner(clients.dynamo(), clients.sqs(), clients.s3(),
                Region.of(aws.region())).provision(settings);
        return new DevStack(aws, clients, resources, modelSim, InvitationsKey.provision(aws));
    }

    /**
     * The SDK's default chains read these system properties first: in-JVM clients that are built
     * without explicit credentials (the apps under test, the simulator) then reach the emulators.
     * Secrets Manager's endpoint too, the twin of {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} that
     * {@link #environment()} gives a child process: no extension builds that client, so there is no
     * {@code quarkus.*.endpoint-override} to set (the reaper's key commands build it from the SDK's chain).
     */
    private static void useLocalCredentials(LocalAws aws) {
        System.setProperty("aws.region", aws.region());
        System.setProperty("aws.accessKeyId", aws.credentials().accessKeyId());
        System.setProperty("aws.secretAccessKey", aws.credentials().secretAccessKey());
        System.setProperty("aws.endpointUrlSecretsManager", aws.endpoints().secretsManager().toString());
        // The worker's SNS client (invitation SMS) likewise finds moto through the SDK's own chain, the
        // twin of AWS_ENDPOINT_URL_SNS, so apps without that client get no unknown quarkus.sns.* key.
        System.setProperty("aws.endpointUrlSns", aws.endpoints().sns().toString());
        // Likewise KMS (invitations encrypt phone numbers); the API's client comes from the SDK's chain.
        System.setProperty("aws.endpointUrlKms", aws.endpoints().kms().toString());
    }

    /**
     * The KMS key invitees' numbers are encrypted with, provisioned in moto as
     * {@value InvitationsKey#ALIAS}; the API's test profile names the alias as {@code sluice.invitations.kms-key-id}
     * (passing it as test-resource configuration would be an unknown key to the worker, which shares the resource).
     */
    public String invitationsKeyId() {
        return invitationsKeyId;
    }

    public LocalAws aws() {
        return aws;
    }

    public AwsClients clients() {
        return clients;
    }

    /**
     * A new API key for {@code ownerId} with jobs:read and jobs:write, written straight into the table
     * through core's {@link ApiKeys} (only its hash is stored); returns the plaintext.
     */
    public String createApiKey(String ownerId) {
        return new ApiKeys(clients().dynamo(), resources().table(), Clock.systemUTC())
                .create(ownerId, Set.of(ApiKey.JOBS_READ, ApiKey.JOBS_WRITE), Optional.empty(), Optional.empty()).key();
    }

    public SluiceResources resources() {
        return resources;
    }

    public ModelSim modelSim() {
        return modelSim;
    }

    public ModelSimClient modelSimClient() {
        return new ModelSimClient(modelSim.uri());
    }

    /** Configuration for a Quarkus app under test in this JVM. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.sqs.endpoint-override", aws.endpoints().sqs().toString());
        config.put("quarkus.dynamodb.endpoint-override", aws.endpoints().dynamoDb().toString());
        config.put("quarkus.s3.endpoint-override", aws.endpoints().s3().toString());
        config.put("quarkus.s3.path-style-access", "true");
        config.put("sluice.table", resources.table());
        config.put("sluice.bucket", resources.bucket());
        config.put("sluice.queue.url", resources.queueUrl());
        return config;
    }

    /**
     * Environment for an app started as a separate process: only the SDK's standard variables and
     * Sluice's own settings, exactly what the app would get against LocalStack or AWS.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(aws.environment());
        env.put("AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME", modelSim.uri().toString());
        env.put("SLUICE_S3_PATH_STYLE", "true");
        env.put("SLUICE_TABLE", resources.table());
        env.put("SLUICE_BUCKET", resources.bucket());
        env.put("SLUICE_QUEUE_URL", resources.queueUrl());
        env.put("SLUICE_INVITATIONS_KMS_KEY_ID", InvitationsKey.ALIAS);
        return env;
    }
}

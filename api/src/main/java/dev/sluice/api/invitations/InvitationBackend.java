package dev.sluice.api.invitations;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.api.metrics.AwsRequestMetrics;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.invitations.InvitationPolicy;
import dev.sluice.core.invitations.InvitationStore;
import dev.sluice.core.invitations.InviteCodes;
import dev.sluice.core.invitations.PhoneCipher;
import dev.sluice.core.store.JobStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The invitation store with its own KMS client (no extension builds one), like the Secrets Manager key
 * source: region and credentials from the SDK's default chains, the endpoint from
 * {@code sluice.invitations.kms-endpoint-override} or the SDK's AWS_ENDPOINT_URL_KMS. Built only when
 * the key and the hash key are configured; otherwise every invitation route answers 503.
 */
@ApplicationScoped
public class InvitationBackend {
    private final Optional<KmsClient> kms;
    private final Optional<InvitationStore> store;

    public InvitationBackend(InvitationsConfig config, SluiceConfig sluice, DynamoDbClient dynamo, JobStore jobs,
                             Clock clock, AwsRequestMetrics awsRequests) {
        if (config.kmsKeyId().isEmpty() || config.phoneHashKey().isEmpty()) {
            this.kms = Optional.empty();
            this.store = Optional.empty();
            return;
        }
        var builder = KmsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(config.kmsCallTimeout()))
                .overrideConfiguration(c -> c.apiCallTimeout(config.kmsCallTimeout()).addExecutionInterceptor(awsRequests));
        config.kmsEndpointOverride().ifPresent(builder::endpointOverride);
        KmsClient client = builder.build();
        this.kms = Optional.of(client);
        InvitationPolicy policy = new InvitationPolicy(config.perInviterPerDay(), InvitationPolicy.DEFAULT_DUPLICATE_WINDOW,
                config.expiry(), sluice.retention().jobs());
        this.store = Optional.of(new InvitationStore(dynamo, sluice.table(), jobs,
                new PhoneCipher(client, config.kmsKeyId().get()), config.phoneHashKey().get(), new InviteCodes(), policy, clock));
    }

    /** The store, or a 503 problem when invitations are not configured. */
    public InvitationStore store() {
        return store.orElseThrow(() -> new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                "Invitations are not configured on this server")));
    }

    @PreDestroy
    void close() {
        kms.ifPresent(KmsClient::close);
    }
}

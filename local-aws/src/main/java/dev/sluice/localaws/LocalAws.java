package dev.sluice.localaws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Every AWS service Sluice uses, served locally: SQS by ElasticMQ, the rest by moto. Creates no
 * tables, queues or buckets: that is each caller's business.
 *
 * <p>Tests of one JVM should share {@link #shared()}: moto takes seconds to start, and
 * resources with unique names keep test classes apart.
 */
public final class LocalAws implements AutoCloseable {

    public static final String REGION = "eu-west-1";

    private static LocalAws shared;

    private final ElasticMqServer sqs;
    private final MotoServer moto;
    private final boolean isShared;

    private LocalAws(ElasticMqServer sqs, MotoServer moto, boolean isShared) {
        this.sqs = sqs;
        this.moto = moto;
        this.isShared = isShared;
    }

    /** Starts both servers on free ports; installs moto into the project venv on first use. */
    public static LocalAws start() {
        return start(LocalAwsConfig.defaults());
    }

    public static LocalAws start(LocalAwsConfig config) {
        return start(config, false);
    }

    /**
     * One instance per JVM, started on first call and stopped by a shutdown hook. Its
     * {@link #close()} does nothing, so a test class using try-with-resources or an
     * {@code @AfterAll} cannot pull the servers from under the next class.
     */
    public static synchronized LocalAws shared() {
        if (shared == null) {
            LocalAws started = start(LocalAwsConfig.defaults(), true);
            // Only moto needs stopping: ElasticMQ dies with the JVM, and its actor system runs
            // its own shutdown hook concurrently, which a second stop could block on.
            Runtime.getRuntime().addShutdownHook(new Thread(started.moto::stop, "local-aws-shutdown"));
            shared = started;
        }
        return shared;
    }

    private static LocalAws start(LocalAwsConfig config, boolean isShared) {
        ElasticMqServer sqs = new ElasticMqServer(config.sqsPort(), REGION);
        // moto (venv check, Python start-up) runs beside ElasticMQ's start to save seconds.
        CompletableFuture<MotoServer> moto = CompletableFuture.supplyAsync(() -> {
            var python = config.venv().ensureInstalled(Requirements.moto());
            return new MotoServer(python, config.motoPort(), config.logDirectory()).start();
        });
        try {
            sqs.start();
            return new LocalAws(sqs, moto.join(), isShared);
        } catch (RuntimeException e) {
            sqs.stop();
            moto.thenAccept(MotoServer::stop);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public Endpoints endpoints() {
        return new Endpoints(sqs.endpoint(), moto.endpoint());
    }

    public String region() {
        return REGION;
    }

    public StaticCredentials credentials() {
        return StaticCredentials.TEST;
    }

    /**
     * The standard AWS SDK variables that point a child process (a worker, the API) at these
     * servers: the SDKs read {@code AWS_ENDPOINT_URL_<SERVICE>} themselves, so the applications
     * need no local-only configuration.
     */
    public Map<String, String> environment() {
        Endpoints endpoints = endpoints();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb().toString());
        env.put("AWS_ENDPOINT_URL_S3", endpoints.s3().toString());
        env.put("AWS_ENDPOINT_URL_SNS", endpoints.sns().toString());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoints.secretsManager().toString());
        env.put("AWS_ENDPOINT_URL_KMS", endpoints.kms().toString());
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", credentials().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials().secretAccessKey());
        return Collections.unmodifiableMap(env);
    }

    /** The SQS server, to stop and start for outage tests. */
    public ElasticMqServer sqs() {
        return sqs;
    }

    /** The moto server, to stop and start for outage tests. */
    public MotoServer moto() {
        return moto;
    }

    /** Stops both servers, except on the {@link #shared()} instance (see there). */
    @Override
    public void close() {
        if (isShared) {
            return;
        }
        try {
            moto.stop();
        } finally {
            sqs.stop();
        }
    }

    @Override
    public String toString() {
        return "LocalAws[" + endpoints() + "]";
    }
}

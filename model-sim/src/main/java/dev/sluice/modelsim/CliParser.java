package dev.sluice.modelsim;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns command-line flags and environment variables into {@link ModelSimSettings}. Every flag
 * {@code --some-flag} may also come from {@code MODEL_SIM_SOME_FLAG} (faults from
 * {@code MODEL_SIM_FAULTS}, separated by {@code ;}), which suits containers; a flag given on the
 * command line wins over its variable.
 */
final class CliParser {

    static final String ENV_PREFIX = "MODEL_SIM_";

    static final String USAGE = """
            Usage: sluice-model-sim [options]
              A stand-in for a SageMaker real-time endpoint: POST /endpoints/{name}/invocations.

              --host ADDRESS            interface to listen on (default 0.0.0.0)
              --port N                  TCP port, 0 for any free one (default 8090)
              --latency SPEC            none | fixed:MS | uniform:MIN-MAX | normal:MEAN,STDDEV
                                        | lognormal:MEAN,STDDEV  (milliseconds; default none)
              --transient-rate P        probability of a model-5xx failure, 0..1 (default 0)
              --throttle-rate P         probability of a throttle failure, 0..1 (default 0)
              --unavailable-rate P      probability of an unavailable failure, 0..1 (default 0)
              --permanent-rate P        probability of a model-4xx failure, 0..1 (default 0)
              --seed N                  seed for latency and failure draws (default random)
              --fault RULE              match=TEXT,kind=KIND[,times=N]; repeatable. The first N
                                        invocations per task ID whose body contains TEXT fail
                                        with KIND (model-5xx, throttle, unavailable, model-4xx);
                                        times -1 (the default) means always
              --max-concurrency N       invocations served at once (default 200)
              --audit-capacity N        invocation records kept (default 100000)
              --s3-endpoint URL         S3 endpoint for video analysis (default: AWS_ENDPOINT_URL_S3,
                                        AWS_ENDPOINT_URL, else AWS)
              --s3-path-style BOOL      path-style S3 addressing (default: true with an endpoint)
              --s3-region REGION        S3 region (default: AWS_REGION, else eu-west-1)
              -h, --help                show this help

              Each option can also be set with MODEL_SIM_<OPTION> (e.g. MODEL_SIM_LATENCY=fixed:100,
              MODEL_SIM_FAULTS='match=a,kind=throttle;match=b,kind=model-4xx,times=1').
              At runtime: GET/PUT /admin/config, GET/POST/DELETE /admin/faults,
              GET/DELETE /admin/invocations, GET /ping, GET /health.
            """;

    static final int DEFAULT_PORT = 8090;
    static final String DEFAULT_HOST = "0.0.0.0";

    private static final List<String> OPTIONS = List.of("host", "port", "latency", "transient-rate", "throttle-rate",
            "unavailable-rate", "permanent-rate", "seed", "fault", "max-concurrency", "audit-capacity", "s3-endpoint",
            "s3-path-style", "s3-region");

    private CliParser() {
    }

    static CliCommand parse(String[] args, Map<String, String> env) {
        try {
            Map<String, List<String>> values = fromEnvironment(env);
            Map<String, List<String>> fromArgs = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    return new CliCommand.ShowHelp();
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                int eq = arg.indexOf('=');
                String name = arg.substring(2, eq < 0 ? arg.length() : eq);
                if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option '--" + name + "'");
                }
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("option '--" + name + "' needs a value");
                }
                fromArgs.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            values.putAll(fromArgs);
            return new CliCommand.Run(settings(values, env));
        } catch (IllegalArgumentException e) {
            return new CliCommand.Invalid(e.getMessage());
        }
    }

    private static Map<String, List<String>> fromEnvironment(Map<String, String> env) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String option : OPTIONS) {
            String variable = envName(option);
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                continue;
            }
            List<String> list = new ArrayList<>();
            if (option.equals("fault")) {
                for (String rule : value.split(";")) {
                    if (!rule.isBlank()) {
                        list.add(rule.trim());
                    }
                }
            } else {
                list.add(value.trim());
            }
            values.put(option, list);
        }
        return values;
    }

    static String envName(String option) {
        return ENV_PREFIX + (option.equals("fault") ? "FAULTS" : option.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static ModelSimSettings settings(Map<String, List<String>> values, Map<String, String> env) {
        ModelSimSettings settings = ModelSimSettings.defaults()
                .withBindAddress(single(values, "host", DEFAULT_HOST))
                .withPort(integer(values, "port", DEFAULT_PORT));
        if (values.containsKey("latency")) {
            settings = settings.withLatency(LatencySpec.parse(single(values, "latency", null)));
        }
        settings = settings.withFailureRates(new FailureRates(rate(values, "transient-rate"),
                rate(values, "throttle-rate"), rate(values, "unavailable-rate"), rate(values, "permanent-rate")));
        if (values.containsKey("seed")) {
            settings = settings.withSeed((long) number(values, "seed"));
        }
        for (String rule : values.getOrDefault("fault", List.of())) {
            settings = settings.withFault(FaultRule.parse(rule));
        }
        settings = settings
                .withMaxConcurrency(integer(values, "max-concurrency", ModelSimSettings.DEFAULT_MAX_CONCURRENCY))
                .withAuditCapacity(integer(values, "audit-capacity", ModelSimSettings.DEFAULT_AUDIT_CAPACITY));
        S3Settings s3 = new S3Settings(null, null, single(values, "s3-region", null), env);
        if (values.containsKey("s3-endpoint")) {
            s3 = s3.withEndpointOverride(url(single(values, "s3-endpoint", null)));
        }
        if (values.containsKey("s3-path-style")) {
            s3 = s3.withForcePathStyle(bool(single(values, "s3-path-style", null)));
        }
        return settings.withS3(s3);
    }

    private static String single(Map<String, List<String>> values, String option, String fallback) {
        List<String> list = values.get(option);
        if (list == null) {
            return fallback;
        }
        if (list.size() > 1) {
            throw new IllegalArgumentException("option '--" + option + "' given more than once");
        }
        return list.get(0);
    }

    private static int integer(Map<String, List<String>> values, String option, int fallback) {
        if (!values.containsKey(option)) {
            return fallback;
        }
        long n = number(values, option);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("option '--" + option + "' is out of range: " + n);
        }
        return (int) n;
    }

    private static long number(Map<String, List<String>> values, String option) {
        String text = single(values, option, null);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '--" + option + "' needs an integer, got '" + text + "'");
        }
    }

    private static double rate(Map<String, List<String>> values, String option) {
        String text = single(values, option, "0");
        double rate;
        try {
            rate = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '--" + option + "' needs a number, got '" + text + "'");
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("option '--" + option + "' must be within 0..1, got " + text);
        }
        return rate;
    }

    private static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("option '--s3-path-style' needs true or false, got '"
                    + text + "'");
        };
    }

    private static URI url(String text) {
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("option '--s3-endpoint' needs a URL like http://localhost:5000, got '"
                        + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("option '--s3-endpoint' is not a URL: '" + text + "'");
        }
    }
}

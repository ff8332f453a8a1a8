package dev.sluice.modelsim;

import java.net.URI;
import java.util.Map;

/**
 * How the video analysis model reaches S3.
 *
 * @param endpointOverride explicit endpoint, or null to use the SDK's standard environment
 *                         ({@code AWS_ENDPOINT_URL_S3}, then {@code AWS_ENDPOINT_URL}) or real S3
 * @param forcePathStyle   path-style addressing, or null for "true when an endpoint override is in
 *                         effect": emulators such as moto serve buckets in the path, not in DNS
 * @param region           signing region
 * @param environment      the environment to read the standard variables from
 */
public record S3Settings(URI endpointOverride, Boolean forcePathStyle, String region, Map<String, String> environment) {

    public S3Settings {
        environment = Map.copyOf(environment);
        if (region == null || region.isBlank()) {
            region = firstNonBlank(environment.get("AWS_REGION"), environment.get("AWS_DEFAULT_REGION"), "eu-west-1");
        }
    }

    /** From the process environment, no explicit override. */
    public static S3Settings fromEnvironment() {
        return new S3Settings(null, null, null, System.getenv());
    }

    public S3Settings withEndpointOverride(URI endpoint) {
        return new S3Settings(endpoint, forcePathStyle, region, environment);
    }

    public S3Settings withForcePathStyle(Boolean pathStyle) {
        return new S3Settings(endpointOverride, pathStyle, region, environment);
    }

    public S3Settings withRegion(String newRegion) {
        return new S3Settings(endpointOverride, forcePathStyle, newRegion, environment);
    }

    /** The endpoint in effect, or null for real S3. */
    public URI resolvedEndpoint() {
        if (endpointOverride != null) {
            return endpointOverride;
        }
        String fromEnv = firstNonBlank(environment.get("AWS_ENDPOINT_URL_S3"), environment.get("AWS_ENDPOINT_URL"), null);
        return fromEnv == null ? null : URI.create(fromEnv.trim());
    }

    public boolean resolvedForcePathStyle() {
        return forcePathStyle != null ? forcePathStyle : resolvedEndpoint() != null;
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return fallback;
    }
}

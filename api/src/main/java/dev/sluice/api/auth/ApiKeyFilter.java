package dev.sluice.api.auth;

import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemResponses;
import dev.sluice.api.problem.ProblemType;
import dev.sluice.core.auth.ApiKey;
import dev.sluice.core.auth.ApiKeys;
import dev.sluice.core.auth.KeyFormat;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * API-key authentication of every {@code /v1} and {@code /api/invitations} route (not {@code /q/*}, nor
 * Twilio's status callback, which is signed instead): {@code Authorization: Bearer
 * <key>} or {@code X-Api-Key: <key>}. Missing, malformed, unknown, expired, not yet valid and revoked
 * keys all get the same 401 with {@code WWW-Authenticate: Bearer}; a valid key without the route's
 * scope gets 403. Reads need {@code jobs:read}, everything else {@code jobs:write}; {@code admin}
 * implies both. Runs after route matching, so unknown paths stay 404 and wrong methods 405.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {
    public static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "bearer ";
    private static final String TWILIO_CALLBACK = "/api/invitations/status/twilio";

    private final ApiKeyCache cache;
    private final AuthenticatedCaller caller;
    private final ProblemResponses responses;
    private final Clock clock;

    public ApiKeyFilter(ApiKeyCache cache, AuthenticatedCaller caller, ProblemResponses responses, Clock clock) {
        this.cache = cache;
        this.caller = caller;
        this.responses = responses;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!protectedPath(request.getUriInfo().getPath()) || HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        Optional<ApiKey> key = presented(request).flatMap(KeyFormat::parse)
                .flatMap(parsed -> cache.find(parsed.keyId())
                        .filter(stored -> ApiKeys.verify(stored, parsed.key(), clock.instant())));
        if (key.isEmpty()) {
            request.abortWith(responses.render(Problem.of(ProblemType.UNAUTHENTICATED,
                    "Send a valid API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'")
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sluice\""), rawPath(request)));
            return;
        }
        String scope = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())
                ? ApiKey.JOBS_READ : ApiKey.JOBS_WRITE;
        if (!key.get().allows(scope)) {
            request.abortWith(responses.render(Problem.of(ProblemType.FORBIDDEN,
                    "This API key lacks the scope " + scope), rawPath(request)));
            return;
        }
        caller.authenticated(key.get());
    }

    /** Whether the path needs a key; with or without its leading slash, as JAX-RS may give either. */
    static boolean protectedPath(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath : "/" + rawPath;
        if (path.equals("/v1") || path.startsWith("/v1/")) {
            return true;
        }
        boolean invitations = path.equals("/api/invitations") || path.startsWith("/api/invitations/");
        return invitations && !path.equals(TWILIO_CALLBACK) && !path.equals(TWILIO_CALLBACK + "/");
    }

    /** The key text from either header; empty when none, several or a non-Bearer scheme is sent. */
    private static Optional<String> presented(ContainerRequestContext request) {
        List<String> authorization = request.getHeaders().getOrDefault(HttpHeaders.AUTHORIZATION, List.of());
        List<String> apiKey = request.getHeaders().getOrDefault(API_KEY_HEADER, List.of());
        if (authorization.size() + apiKey.size() != 1) {
            return Optional.empty();
        }
        if (apiKey.size() == 1) {
            return Optional.of(apiKey.get(0).trim());
        }
        String value = authorization.get(0).trim();
        if (value.length() <= BEARER.length() || !value.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        return Optional.of(value.substring(BEARER.length()).trim());
    }

    private static String rawPath(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }
}

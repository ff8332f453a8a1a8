package dev.sluice.api.problem;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * The framework answers OPTIONS by itself with the methods of the whole resource class, so
 * {@code OPTIONS /v1/jobs} advertised DELETE (which only {@code /v1/jobs/{id}} has) and a client
 * trusting {@code Allow} got a 405. The header is replaced by the methods of the requested path, the
 * same list a 405 carries.
 */
@Provider
public class OptionsAllowFilter implements ContainerResponseFilter {
    private final AllowedMethods allowedMethods;

    public OptionsAllowFilter(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || !response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            return;
        }
        allowedMethods.forPath(request.getUriInfo().getRequestUri().getRawPath())
                .ifPresent(allow -> response.getHeaders().putSingle(HttpHeaders.ALLOW, allow));
    }
}

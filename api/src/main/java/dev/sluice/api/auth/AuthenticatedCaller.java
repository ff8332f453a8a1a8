package dev.sluice.api.auth;

import dev.sluice.core.auth.ApiKey;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The API key the current request was authenticated with; set by {@link ApiKeyFilter}. */
@RequestScoped
public class AuthenticatedCaller {
    private ApiKey key;

    public Optional<ApiKey> key() {
        return Optional.ofNullable(key);
    }

    void authenticated(ApiKey key) {
        this.key = key;
    }
}

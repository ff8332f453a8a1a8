package dev.sluice.api.owner;

import dev.sluice.api.config.SluiceConfig;
import dev.sluice.core.keys.ObjectKeys;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who the caller is, as an owner ID. Until authentication lands every request belongs to the one
 * configured owner; this is the single place to change when it does (e.g. read the JWT subject).
 */
@Startup
@ApplicationScoped
public class CallerOwner {
    private final String ownerId;

    public CallerOwner(SluiceConfig config) {
        this.ownerId = config.api().ownerId();
        // Owner IDs become S3 key segments: refuse a bad one at start-up rather than on the first upload.
        ObjectKeys.uploadPrefix(ownerId);
    }

    public String ownerId() {
        return ownerId;
    }
}

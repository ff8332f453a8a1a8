package dev.sluice.api.owner;

import dev.sluice.api.auth.AuthenticatedCaller;
import dev.sluice.api.problem.Problem;
import dev.sluice.api.problem.ProblemException;
import dev.sluice.api.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who the caller is, as an owner ID: the owner of the API key the request was authenticated with
 * ({@link dev.sluice.api.auth.ApiKeyFilter}). Every job route filters by it, so another owner's job
 * answers like a missing one.
 */
@ApplicationScoped
public class CallerOwner {
    private final AuthenticatedCaller caller;

    public CallerOwner(AuthenticatedCaller caller) {
        this.caller = caller;
    }

    public String ownerId() {
        return caller.key()
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.UNAUTHENTICATED, "Send an API key")))
                .ownerId();
    }
}

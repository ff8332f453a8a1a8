package dev.sluice.api.problem;

/** Ends request handling with a problem answer; thrown where the problem is found, rendered by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(Problem problem) {
        // No stack trace: this is control flow for expected client errors, not a fault.
        super(problem.type() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

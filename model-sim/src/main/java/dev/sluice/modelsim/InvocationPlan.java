package dev.sluice.modelsim;

/**
 * What the simulator decided to do with one valid invocation before running the model.
 *
 * @param latencyMillis how long to sleep first
 * @param failure       the failure to answer with, or null to run the model
 */
record InvocationPlan(long latencyMillis, FailureKind failure) {
}

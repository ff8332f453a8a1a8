package dev.sluice.bench.admission;

/**
 * What one client saw.
 *
 * @param kind   answered with success, answered otherwise (or the connection failed), or no answer in time
 * @param nanos  from sending to the answer (or to giving up)
 * @param detail the HTTP status or the exception, for the error breakdown
 * @param body   a JSON answer's body (Sluice's 202 names the job), null otherwise
 */
record ClientOutcome(Kind kind, long nanos, String detail, String body) {

    enum Kind { OK, ERROR, TIMEOUT }
}

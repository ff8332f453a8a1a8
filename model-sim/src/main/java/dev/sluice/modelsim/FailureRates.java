package dev.sluice.modelsim;

import java.util.Random;

/**
 * Probabilities (0..1) that an invocation fails with each kind. They are alternatives drawn with
 * one random number, so they must add up to at most 1.
 *
 * @param transientRate   model-5xx (424 ModelError with OriginalStatusCode 500)
 * @param throttleRate    throttle (400 ThrottlingException)
 * @param unavailableRate unavailable (503 ServiceUnavailable)
 * @param permanentRate   model-4xx (424 ModelError with OriginalStatusCode 400)
 */
public record FailureRates(double transientRate, double throttleRate, double unavailableRate, double permanentRate) {

    public FailureRates {
        check("transientRate", transientRate);
        check("throttleRate", throttleRate);
        check("unavailableRate", unavailableRate);
        check("permanentRate", permanentRate);
        double sum = transientRate + throttleRate + unavailableRate + permanentRate;
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("failure rates add up to " + sum + ", more than 1");
        }
    }

    public static FailureRates none() {
        return new FailureRates(0, 0, 0, 0);
    }

    public FailureRates withTransientRate(double rate) {
        return new FailureRates(rate, throttleRate, unavailableRate, permanentRate);
    }

    public FailureRates withThrottleRate(double rate) {
        return new FailureRates(transientRate, rate, unavailableRate, permanentRate);
    }

    public FailureRates withUnavailableRate(double rate) {
        return new FailureRates(transientRate, throttleRate, rate, permanentRate);
    }

    public FailureRates withPermanentRate(double rate) {
        return new FailureRates(transientRate, throttleRate, unavailableRate, rate);
    }

    /** The failure to inject for one invocation, or null for none. Draws exactly one number. */
    FailureKind draw(Random random) {
        double u = random.nextDouble();
        if ((u -= transientRate) < 0) {
            return FailureKind.MODEL_5XX;
        }
        if ((u -= throttleRate) < 0) {
            return FailureKind.THROTTLE;
        }
        if ((u -= unavailableRate) < 0) {
            return FailureKind.UNAVAILABLE;
        }
        if ((u -= permanentRate) < 0) {
            return FailureKind.MODEL_4XX;
        }
        return null;
    }

    private static void check(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1, got " + rate);
        }
    }
}

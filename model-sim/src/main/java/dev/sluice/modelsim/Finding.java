package dev.sluice.modelsim;

/**
 * One labelled observation in a vehicle report.
 *
 * @param label      what was seen, e.g. {@code dent}
 * @param confidence 0..1
 * @param frame      frame index where it is best visible
 * @param severity   {@code minor}, {@code moderate} or {@code severe}
 */
public record Finding(String label, double confidence, long frame, String severity) {
}

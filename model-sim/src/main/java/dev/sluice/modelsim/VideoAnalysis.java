package dev.sluice.modelsim;

/**
 * The video analysis model's output, all of it derived from the object's bytes.
 *
 * @param sizeBytes          object size
 * @param sha256             lower-case hex SHA-256 of the bytes
 * @param entropyBitsPerByte Shannon entropy of the byte histogram, 0..8
 * @param vehicleReport      the plausible, deterministic "inspection" result
 */
public record VideoAnalysis(long sizeBytes, String sha256, double entropyBitsPerByte, VehicleReport vehicleReport) {
}

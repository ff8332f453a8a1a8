package dev.sluice.modelsim;

import java.util.List;

/**
 * The simulated model's verdict on a vehicle inspection video.
 *
 * @param detected        a vehicle was found
 * @param vehicleType     body type, or null when none was detected
 * @param estimatedFrames frames in the clip, estimated from its size
 * @param damageScore     0 (pristine) .. 1 (wreck)
 * @param findings        labelled damage, most confident first
 */
public record VehicleReport(boolean detected, String vehicleType, long estimatedFrames, double damageScore,
                            List<Finding> findings) {

    public VehicleReport {
        findings = List.copyOf(findings);
    }
}

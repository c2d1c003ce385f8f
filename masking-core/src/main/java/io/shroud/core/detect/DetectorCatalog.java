package io.shroud.core.detect;

import io.shroud.core.policy.DetectionSettings;
import java.util.List;

/** The built-in detectors, configured from the policy's detection settings. */
public final class DetectorCatalog {
  private DetectorCatalog() {}

  /** A fresh set of detectors (one set per thread: detectors may keep per-thread state). */
  public static List<Detector> standard(DetectionSettings settings) {
    return List.of(
        new EmailDetector(),
        new CreditCardDetector(),
        new UsSsnDetector(),
        new IpAddressDetector(),
        new PhoneDetector(settings.phoneRegions()));
  }
}

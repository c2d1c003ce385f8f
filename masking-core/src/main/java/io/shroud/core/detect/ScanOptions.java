package io.shroud.core.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-policy additions to the built-in detectors: {@code detection.allowList}, {@code denyList} and
 * {@code customDetectors} (parsed by the policy's ScanOptionsParser).
 *
 * @param allowList exact values never reported, whatever detector matches them (a company's own
 *     support address, a published test card)
 * @param denyList exact values always reported, as the given type (known names, internal codes);
 *     matched case-sensitively where they stand alone (not inside a longer word or number)
 * @param customDetectors detectors declared in configuration
 */
public record ScanOptions(
    Set<String> allowList, Map<String, EntityType> denyList, List<CustomDetectorSpec> customDetectors)
    implements Serializable {
  public static final ScanOptions NONE = new ScanOptions(Set.of(), Map.of(), List.of());

  public ScanOptions {
    allowList = Set.copyOf(allowList);
    denyList = Map.copyOf(denyList);
    customDetectors = List.copyOf(customDetectors);
    for (String value : denyList.keySet()) {
      if (value.isBlank()) {
        throw new IllegalArgumentException("Deny-list values must not be blank");
      }
    }
  }
}

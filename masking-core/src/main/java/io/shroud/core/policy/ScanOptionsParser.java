package io.shroud.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shroud.core.detect.CustomDetectorSpec;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.ScanOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code detection.allowList}, {@code detection.denyList} and {@code detection.customDetectors}.
 * Custom detector regexes are checked for catastrophic backtracking when the policy loads.
 */
final class ScanOptionsParser {
  private ScanOptionsParser() {}

  static ScanOptions parse(YamlObject detection) {
    Set<String> allow = new HashSet<>(detection.stringList("allowList").orElse(List.of()));
    Map<String, EntityType> deny = new HashMap<>();
    detection.object("denyList").ifPresent(section -> {
      for (String type : section.keys()) {
        EntityType entity = entity(section, type);
        for (String value : section.stringList(type).orElse(List.of())) {
          if (value.isBlank()) {
            throw section.error(type, "'" + section.dotted(type) + "' must not contain blank values");
          }
          deny.put(value, entity);
        }
      }
    });
    List<CustomDetectorSpec> custom = new ArrayList<>();
    JsonNode raw = detection.raw("customDetectors");
    if (raw != null && !raw.isNull()) {
      if (!raw.isArray()) {
        throw detection.typeError("customDetectors", "a list of detectors", raw);
      }
      for (int i = 0; i < raw.size(); i++) {
        if (!raw.get(i).isObject()) {
          throw detection.error("customDetectors", "each custom detector must be a mapping with name, type and regex");
        }
        custom.add(detector(new YamlObject((ObjectNode) raw.get(i),
            detection.childPointer("customDetectors") + "/" + i, detection.source())));
      }
    }
    return new ScanOptions(allow, deny, custom);
  }

  private static CustomDetectorSpec detector(YamlObject spec) {
    spec.allowOnly("name", "type", "regex", "validator", "context", "score");
    String name = spec.requiredString("name");
    EntityType type = entity(spec, "type", spec.requiredString("type"));
    String regex = spec.requiredString("regex");
    try {
      return new CustomDetectorSpec(name, type, regex, spec.string("validator").orElse(null),
          spec.stringList("context").orElse(List.of()), spec.number("score").orElse(0.8));
    } catch (IllegalArgumentException e) {
      throw spec.error(null, e.getMessage());
    }
  }

  private static EntityType entity(YamlObject section, String key) {
    return entity(section, key, key);
  }

  private static EntityType entity(YamlObject section, String key, String name) {
    try {
      return EntityType.of(name);
    } catch (IllegalArgumentException e) {
      throw section.error(key, "invalid entity type '" + name + "'; use names such as EMAIL or EMPLOYEE_ID");
    }
  }
}

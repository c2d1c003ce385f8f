package io.shroud.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Parses the {@code utility} section: {@code sample} (rows, or {@code off}), {@code k} (the report's
 * disclosure threshold) and {@code topCategories}. Without {@code k}, the anonymity section's k is
 * used when it is larger than the default, so the report never shows a group the output would hide.
 */
final class UtilityParser {
  private UtilityParser() {}

  static UtilitySettings parse(YamlObject top, AnonymitySettings anonymityOrNull) {
    UtilitySettings d = UtilitySettings.DEFAULTS;
    int defaultK = d.k();
    String defaultOrigin = d.kOrigin();
    if (anonymityOrNull != null && anonymityOrNull.k() > defaultK) {
      defaultK = anonymityOrNull.k();
      defaultOrigin = "anonymity.k";
    }
    Optional<YamlObject> section = top.object("utility");
    if (section.isEmpty()) {
      return new UtilitySettings(true, d.sample(), defaultK, defaultOrigin, d.topCategories());
    }
    YamlObject u = section.get();
    u.allowOnly("sample", "k", "topCategories");
    boolean enabled = true;
    int sample = d.sample();
    JsonNode raw = u.raw("sample");
    if (raw != null && !raw.isNull()) {
      // YAML 1.1 reads a bare off as false; both spellings turn the section off.
      if ((raw.isTextual() && raw.textValue().trim().equalsIgnoreCase("off")) || (raw.isBoolean() && !raw.booleanValue())) {
        enabled = false;
      } else if (raw.isIntegralNumber() && raw.canConvertToInt()
          && raw.intValue() >= 1 && raw.intValue() <= UtilitySettings.MAX_SAMPLE) {
        sample = raw.intValue();
      } else {
        throw u.error("sample", "'utility.sample' must be a whole number of rows from 1 to "
            + UtilitySettings.MAX_SAMPLE + ", or off; got " + (raw.isValueNode() ? "'" + raw.asText() + "'" : "a "
            + (raw.isArray() ? "list" : "mapping")));
      }
    }
    int k = u.integer("k").orElse(defaultK);
    if (k < 2) {
      throw u.error("k", "'utility.k' must be at least 2 (a category shared by fewer rows could be one person's value), got " + k);
    }
    int topCategories = u.integer("topCategories").orElse(d.topCategories());
    if (topCategories < 1 || topCategories > UtilitySettings.MAX_TOP_CATEGORIES) {
      throw u.error("topCategories", "'utility.topCategories' must be from 1 to " + UtilitySettings.MAX_TOP_CATEGORIES
          + ", got " + topCategories);
    }
    String origin = u.has("k") ? "utility.k" : defaultOrigin;
    return new UtilitySettings(enabled, sample, k, origin, topCategories);
  }
}

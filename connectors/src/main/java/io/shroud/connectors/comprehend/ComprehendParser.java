package io.shroud.connectors.comprehend;

import io.shroud.connectors.aws.ServiceEndpoints;
import io.shroud.core.policy.PolicyExtension;
import io.shroud.core.policy.YamlObject;
import java.util.List;
import java.util.Optional;

/** Parses {@code detection.comprehend}. */
public final class ComprehendParser implements PolicyExtension<ComprehendSettings> {
  public static final ComprehendParser INSTANCE = new ComprehendParser();

  private ComprehendParser() {}

  @Override
  public Class<ComprehendSettings> type() {
    return ComprehendSettings.class;
  }

  @Override
  public Placement placement() {
    return Placement.DETECTION;
  }

  @Override
  public String key() {
    return "comprehend";
  }

  @Override
  public Optional<ComprehendSettings> parse(YamlObject detection, CoreSections core) {
    Optional<YamlObject> section = detection.object("comprehend");
    if (section.isEmpty()) {
      return Optional.empty();
    }
    YamlObject c = section.get();
    c.allowOnly("enabled", "region", "endpoint", "languageCode", "minScore", "columns", "maxCharacters",
        "requestsPerSecond", "allowInsecureEndpoint");
    if (!c.bool("enabled").orElse(true)) {
      return Optional.empty();
    }
    String region = ServiceEndpoints.region(c, "such as us-east-1; text is sent to that region's service");
    boolean insecure = c.bool("allowInsecureEndpoint").orElse(false);
    String endpoint = ServiceEndpoints.endpoint(c);
    String language = c.string("languageCode").orElse("en");
    if (!ComprehendSettings.LANGUAGES.contains(language)) {
      throw c.error("languageCode", "invalid languageCode '" + language + "'; Comprehend detects PII in: "
          + String.join(", ", ComprehendSettings.LANGUAGES));
    }
    double minScore = c.number("minScore").orElse(0.5);
    if (!(minScore >= 0 && minScore <= 1)) {
      throw c.error("minScore", "'detection.comprehend.minScore' must be between 0 and 1, got " + minScore);
    }
    long maxCharacters = c.integer("maxCharacters").map(Integer::longValue).orElse(10_000_000L);
    if (maxCharacters < 1) {
      throw c.error("maxCharacters", "'detection.comprehend.maxCharacters' must be at least 1, got " + maxCharacters);
    }
    double rate = c.number("requestsPerSecond").orElse(10.0);
    if (!(rate > 0)) {
      throw c.error("requestsPerSecond", "'detection.comprehend.requestsPerSecond' must be positive, got " + rate);
    }
    List<String> columns = c.stringList("columns").orElse(List.of());
    return Optional.of(new ComprehendSettings(region, endpoint, language, minScore, columns, maxCharacters, rate,
        insecure));
  }
}

package io.shroud.connectors.macie;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Column hints from Amazon Macie: for each column, the entity types Macie found there and how often.
 *
 * @param byColumn column name to Shroud entity type name to occurrences Macie reported
 * @param findingIds the Macie findings the hints came from (for the audit)
 * @param resultFiles the detailed discovery results read (for the audit)
 */
public record MacieHints(Map<String, Map<String, Long>> byColumn, List<String> findingIds, List<String> resultFiles) {
  public MacieHints {
    TreeMap<String, Map<String, Long>> copy = new TreeMap<>();
    byColumn.forEach((column, types) -> copy.put(column, Map.copyOf(types)));
    byColumn = java.util.Collections.unmodifiableMap(copy);
    findingIds = List.copyOf(findingIds);
    resultFiles = List.copyOf(resultFiles);
  }

  /** Macie's managed data identifier types mapped to Shroud's entity names; others keep Macie's name. */
  static final Map<String, String> ENTITY_TYPES = Map.ofEntries(
      Map.entry("EMAIL_ADDRESS", "EMAIL"), Map.entry("PHONE_NUMBER", "PHONE"),
      Map.entry("USA_SOCIAL_SECURITY_NUMBER", "US_SSN"), Map.entry("CREDIT_CARD_NUMBER", "CREDIT_CARD"),
      Map.entry("CREDIT_CARD_EXPIRATION", "CREDIT_CARD_EXPIRY"), Map.entry("CREDIT_CARD_SECURITY_CODE", "CVV"),
      Map.entry("IP_ADDRESS", "IP_ADDRESS"), Map.entry("BANK_ACCOUNT_NUMBER", "US_BANK_ACCOUNT"),
      Map.entry("USA_PASSPORT_NUMBER", "US_PASSPORT"), Map.entry("USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", "US_ITIN"),
      Map.entry("UK_NATIONAL_INSURANCE_NUMBER", "UK_NINO"), Map.entry("UK_NATIONAL_HEALTH_SERVICE_NUMBER", "UK_NHS"),
      Map.entry("CANADA_SOCIAL_INSURANCE_NUMBER", "CA_SIN"), Map.entry("AWS_CREDENTIALS", "AWS_SECRET_KEY"),
      Map.entry("NAME", "PERSON"), Map.entry("ADDRESS", "ADDRESS"), Map.entry("DATE_OF_BIRTH", "DATE_OF_BIRTH"));

  static String entityType(String macieType) {
    return ENTITY_TYPES.getOrDefault(macieType, macieType);
  }

  /** The column a record occurrence names: {@code $.customer.email} and {@code $['email']} give their path. */
  static String columnOfJsonPath(String jsonPath) {
    String path = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
    path = path.replaceAll("\\[\\d+\\]", "").replaceAll("\\['([^']*)'\\]", ".$1");
    return path.startsWith(".") ? path.substring(1) : path;
  }
}

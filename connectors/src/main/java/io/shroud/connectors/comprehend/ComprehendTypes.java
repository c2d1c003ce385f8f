package io.shroud.connectors.comprehend;

import io.shroud.core.detect.EntityType;
import java.util.Map;

/** Comprehend's PII entity types, named as Shroud's catalogue names them where both have one. */
final class ComprehendTypes {
  private static final Map<String, EntityType> KNOWN = Map.ofEntries(
      Map.entry("NAME", EntityType.PERSON),
      Map.entry("ADDRESS", EntityType.ADDRESS),
      Map.entry("EMAIL", EntityType.EMAIL),
      Map.entry("PHONE", EntityType.PHONE),
      Map.entry("SSN", EntityType.US_SSN),
      Map.entry("CREDIT_DEBIT_NUMBER", EntityType.CREDIT_CARD),
      Map.entry("CREDIT_DEBIT_CVV", EntityType.CVV),
      Map.entry("CREDIT_DEBIT_EXPIRY", EntityType.CREDIT_CARD_EXPIRY),
      Map.entry("BANK_ACCOUNT_NUMBER", EntityType.US_BANK_ACCOUNT),
      Map.entry("BANK_ROUTING", EntityType.ABA_ROUTING),
      Map.entry("INTERNATIONAL_BANK_ACCOUNT_NUMBER", EntityType.IBAN),
      Map.entry("SWIFT_CODE", EntityType.SWIFT_BIC),
      Map.entry("PASSPORT_NUMBER", EntityType.US_PASSPORT),
      Map.entry("DRIVER_ID", EntityType.US_DRIVER_LICENSE),
      Map.entry("US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", EntityType.US_ITIN),
      Map.entry("UK_NATIONAL_INSURANCE_NUMBER", EntityType.UK_NINO),
      Map.entry("UK_NATIONAL_HEALTH_SERVICE_NUMBER", EntityType.UK_NHS),
      Map.entry("CA_SOCIAL_INSURANCE_NUMBER", EntityType.CA_SIN),
      Map.entry("IN_AADHAAR", EntityType.IN_AADHAAR),
      Map.entry("IP_ADDRESS", EntityType.IP_ADDRESS),
      Map.entry("MAC_ADDRESS", EntityType.MAC_ADDRESS),
      Map.entry("URL", EntityType.URL),
      Map.entry("AWS_ACCESS_KEY", EntityType.AWS_ACCESS_KEY_ID),
      Map.entry("AWS_SECRET_KEY", EntityType.AWS_SECRET_ACCESS_KEY),
      Map.entry("VEHICLE_IDENTIFICATION_NUMBER", EntityType.VEHICLE_IDENTIFICATION_NUMBER));

  private ComprehendTypes() {}

  /**
   * Shroud's type for a Comprehend type, or null for types not reported: DATE_TIME marks every date,
   * not a birth date, so it would mask schedules and timestamps wholesale.
   */
  static EntityType of(String comprehendType) {
    if (comprehendType == null || comprehendType.equals("DATE_TIME")) {
      return null;
    }
    EntityType known = KNOWN.get(comprehendType);
    if (known != null) {
      return known;
    }
    try {
      return EntityType.of(comprehendType);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

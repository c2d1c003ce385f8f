package io.shroud.connectors.macie;

import io.shroud.core.detect.EntityType;
import java.util.Locale;
import java.util.Map;

/** Macie's managed data identifier types, named as Shroud's catalogue names them where both have one. */
final class MacieTypes {
  private static final Map<String, EntityType> KNOWN = Map.ofEntries(
      Map.entry("CREDIT_CARD_NUMBER", EntityType.CREDIT_CARD),
      Map.entry("CREDIT_CARD_NUMBER_(NO_KEYWORD)", EntityType.CREDIT_CARD),
      Map.entry("CREDIT_CARD_EXPIRATION", EntityType.CREDIT_CARD_EXPIRY),
      Map.entry("CREDIT_CARD_SECURITY_CODE", EntityType.CVV),
      Map.entry("USA_SOCIAL_SECURITY_NUMBER", EntityType.US_SSN),
      Map.entry("USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", EntityType.US_ITIN),
      Map.entry("USA_PASSPORT_NUMBER", EntityType.US_PASSPORT),
      Map.entry("USA_DRIVER_LICENSE", EntityType.US_DRIVER_LICENSE),
      Map.entry("USA_BANK_ACCOUNT_NUMBER", EntityType.US_BANK_ACCOUNT),
      Map.entry("BANK_ACCOUNT_NUMBER", EntityType.IBAN),
      Map.entry("EMAIL_ADDRESS", EntityType.EMAIL),
      Map.entry("PHONE_NUMBER", EntityType.PHONE),
      Map.entry("NAME", EntityType.PERSON),
      Map.entry("ADDRESS", EntityType.ADDRESS),
      Map.entry("DATE_OF_BIRTH", EntityType.DATE_OF_BIRTH),
      Map.entry("LATITUDE_LONGITUDE", EntityType.LATITUDE_LONGITUDE),
      Map.entry("VEHICLE_IDENTIFICATION_NUMBER", EntityType.VEHICLE_IDENTIFICATION_NUMBER),
      Map.entry("AWS_CREDENTIALS", EntityType.AWS_SECRET_ACCESS_KEY),
      Map.entry("OPENSSH_PRIVATE_KEY", EntityType.PRIVATE_KEY),
      Map.entry("PGP_PRIVATE_KEY", EntityType.PRIVATE_KEY),
      Map.entry("PKCS", EntityType.PRIVATE_KEY),
      Map.entry("PUTTY_PRIVATE_KEY", EntityType.PRIVATE_KEY),
      Map.entry("JSON_WEB_TOKEN", EntityType.JSON_WEB_TOKEN),
      Map.entry("HTTP_BASIC_AUTHORIZATION_HEADER", EntityType.HTTP_BASIC_AUTH),
      Map.entry("UK_NATIONAL_INSURANCE_NUMBER", EntityType.UK_NINO),
      Map.entry("UK_NHS_NUMBER", EntityType.UK_NHS),
      Map.entry("CANADA_SOCIAL_INSURANCE_NUMBER", EntityType.CA_SIN),
      Map.entry("SPAIN_NIF", EntityType.ES_NIF),
      Map.entry("SPAIN_NIE", EntityType.ES_NIE),
      Map.entry("ITALY_FISCAL_CODE", EntityType.IT_FISCAL_CODE),
      Map.entry("INDIA_AADHAAR_NUMBER", EntityType.IN_AADHAAR),
      Map.entry("POLAND_PESEL", EntityType.PL_PESEL),
      Map.entry("GERMANY_TAX_IDENTIFICATION_NUMBER", EntityType.DE_TAX_ID),
      Map.entry("AUSTRALIA_TAX_FILE_NUMBER", EntityType.AU_TFN));

  private MacieTypes() {}

  /** Shroud's type for a Macie detection type; custom data identifiers become {@code CUSTOM_<NAME>}. */
  static EntityType of(String macieType) {
    EntityType known = KNOWN.get(macieType);
    if (known != null) {
      return known;
    }
    String name = macieType.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
      name = "T_" + name;
    }
    try {
      return EntityType.of(name.length() > 64 ? name.substring(0, 64) : name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

package io.shroud.core.detect;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of personal data, such as {@code EMAIL}. A value type rather than an enum because policies
 * can declare their own types.
 */
public record EntityType(String name) implements Serializable, Comparable<EntityType> {
  private static final Pattern VALID_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  public static final EntityType EMAIL = new EntityType("EMAIL");
  public static final EntityType PHONE = new EntityType("PHONE");
  public static final EntityType US_SSN = new EntityType("US_SSN");
  public static final EntityType CREDIT_CARD = new EntityType("CREDIT_CARD");
  public static final EntityType IP_ADDRESS = new EntityType("IP_ADDRESS");
  public static final EntityType URL = new EntityType("URL");
  public static final EntityType MAC_ADDRESS = new EntityType("MAC_ADDRESS");
  public static final EntityType IBAN = new EntityType("IBAN");
  public static final EntityType US_BANK_ACCOUNT = new EntityType("US_BANK_ACCOUNT");
  public static final EntityType ABA_ROUTING = new EntityType("ABA_ROUTING");
  public static final EntityType SWIFT_BIC = new EntityType("SWIFT_BIC");
  public static final EntityType CREDIT_CARD_EXPIRY = new EntityType("CREDIT_CARD_EXPIRY");
  public static final EntityType CVV = new EntityType("CVV");
  public static final EntityType US_ITIN = new EntityType("US_ITIN");
  public static final EntityType US_PASSPORT = new EntityType("US_PASSPORT");
  public static final EntityType US_DRIVER_LICENSE = new EntityType("US_DRIVER_LICENSE");
  public static final EntityType UK_NINO = new EntityType("UK_NINO");
  public static final EntityType UK_NHS = new EntityType("UK_NHS");
  public static final EntityType CA_SIN = new EntityType("CA_SIN");
  public static final EntityType ES_NIF = new EntityType("ES_NIF");
  public static final EntityType ES_NIE = new EntityType("ES_NIE");
  public static final EntityType IT_FISCAL_CODE = new EntityType("IT_FISCAL_CODE");
  public static final EntityType IN_AADHAAR = new EntityType("IN_AADHAAR");
  public static final EntityType PL_PESEL = new EntityType("PL_PESEL");
  public static final EntityType DE_TAX_ID = new EntityType("DE_TAX_ID");
  public static final EntityType AU_TFN = new EntityType("AU_TFN");
  public static final EntityType AU_ABN = new EntityType("AU_ABN");
  public static final EntityType AU_ACN = new EntityType("AU_ACN");
  public static final EntityType AU_MEDICARE = new EntityType("AU_MEDICARE");
  public static final EntityType AWS_ACCESS_KEY_ID = new EntityType("AWS_ACCESS_KEY_ID");
  public static final EntityType AWS_SECRET_ACCESS_KEY = new EntityType("AWS_SECRET_ACCESS_KEY");
  public static final EntityType PRIVATE_KEY = new EntityType("PRIVATE_KEY");
  public static final EntityType JSON_WEB_TOKEN = new EntityType("JSON_WEB_TOKEN");
  public static final EntityType HTTP_BASIC_AUTH = new EntityType("HTTP_BASIC_AUTH");
  public static final EntityType API_TOKEN = new EntityType("API_TOKEN");
  public static final EntityType DATE_OF_BIRTH = new EntityType("DATE_OF_BIRTH");
  public static final EntityType ADDRESS = new EntityType("ADDRESS");
  public static final EntityType POSTAL_CODE = new EntityType("POSTAL_CODE");
  public static final EntityType LATITUDE_LONGITUDE = new EntityType("LATITUDE_LONGITUDE");
  public static final EntityType VEHICLE_IDENTIFICATION_NUMBER = new EntityType("VEHICLE_IDENTIFICATION_NUMBER");
  public static final EntityType CRYPTO_WALLET = new EntityType("CRYPTO_WALLET");
  public static final EntityType PERSON = new EntityType("PERSON");
  public static final EntityType LOCATION = new EntityType("LOCATION");
  public static final EntityType ORGANIZATION = new EntityType("ORGANIZATION");
  /** A social-media or chat handle ("@rahul_92"): it identifies its owner as a name does. */
  public static final EntityType USERNAME = new EntityType("USERNAME");
  /** A nationality, religious or political group ("Brazilian", "Muslim", "Republican"). */
  public static final EntityType NRP = new EntityType("NRP");
  /** A capitalised word no dictionary knows, inside a sentence: most often a name of some kind. */
  public static final EntityType PROPER_NOUN = new EntityType("PROPER_NOUN");

  public EntityType {
    Objects.requireNonNull(name, "name");
    if (!VALID_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid entity type '" + name + "': expected upper-case letters, digits and '_'");
    }
  }

  /** Parses a name case-insensitively ({@code email} and {@code EMAIL} are the same type). */
  public static EntityType of(String name) {
    return new EntityType(name.trim().toUpperCase(Locale.ROOT));
  }

  /** The default redaction label, {@code <EMAIL>}. */
  public String label() {
    return "<" + name + ">";
  }

  /**
   * The record's own equality, written out: the generated one goes through a method handle per call,
   * which showed as 5% of the name detector's time on text full of names (types are compared per
   * candidate span). Same answers; the hash is the generated one's ({@code name.hashCode()}).
   */
  @Override
  public boolean equals(Object other) {
    return this == other || (other instanceof EntityType type && name.equals(type.name));
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public int compareTo(EntityType other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}

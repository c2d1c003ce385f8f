package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;
import io.shroud.core.keys.KeyMaterial;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/**
 * Realistic fakes from Datafaker, deterministic per value and key: the faker's random source is
 * re-seeded from a keyed PRF of (type, value) before each fake, so one person gets one fake
 * everywhere and nobody without the key can tell which. Types without a faker get a random value of
 * the same shape (letters stay letters, digits stay digits). Not thread-safe.
 */
final class Substituter implements MaskingOperator {
  private final SubstituteSpec spec;
  private final Hmac hmac;
  private final Random random = new Random();
  private final Faker faker;

  Substituter(SubstituteSpec spec, KeyMaterial key) {
    this.spec = spec;
    this.hmac = new Hmac(key, "substitute");
    this.faker = new Faker(Locale.forLanguageTag(spec.locale()), random);
  }

  @Override
  public String apply(String value, EntityType type) {
    String kind = spec.fakeType() != null ? spec.fakeType() : type != null ? type.name() : "TEXT";
    random.setSeed(hmac.longOf(kind + "\u0000" + value));
    return switch (kind) {
      case "PERSON", "NAME" -> faker.name().fullName();
      case "FIRST_NAME" -> faker.name().firstName();
      case "LAST_NAME" -> faker.name().lastName();
      case "EMAIL" -> faker.internet().emailAddress();
      case "PHONE" -> faker.phoneNumber().phoneNumber();
      case "ADDRESS" -> faker.address().fullAddress();
      case "STREET_ADDRESS" -> faker.address().streetAddress();
      case "CITY", "LOCATION" -> faker.address().city();
      case "POSTAL_CODE" -> faker.address().zipCode();
      case "ORGANIZATION", "COMPANY" -> faker.company().name();
      case "US_SSN" -> faker.idNumber().ssnValid();
      case "CREDIT_CARD" -> faker.finance().creditCard();
      case "IBAN" -> faker.finance().iban();
      case "IP_ADDRESS" -> value.indexOf(':') >= 0 ? faker.internet().ipV6Address() : faker.internet().ipV4Address();
      case "URL" -> faker.internet().url();
      case "DATE", "DATE_OF_BIRTH" -> LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65)).toString();
      default -> sameShape(value);
    };
  }

  private String sameShape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isDigit(c)) {
        out.append((char) ('0' + random.nextInt(10)));
      } else if (Character.isUpperCase(c)) {
        out.append((char) ('A' + random.nextInt(26)));
      } else if (Character.isLowerCase(c)) {
        out.append((char) ('a' + random.nextInt(26)));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Fake kinds with a dedicated generator; anything else keeps its shape. */
  static final Set<String> KNOWN_TYPES = Set.of("PERSON", "NAME", "FIRST_NAME", "LAST_NAME", "EMAIL",
      "PHONE", "ADDRESS", "STREET_ADDRESS", "CITY", "LOCATION", "POSTAL_CODE", "ORGANIZATION", "COMPANY", "US_SSN",
      "CREDIT_CARD", "IBAN", "IP_ADDRESS", "URL", "DATE", "DATE_OF_BIRTH", "TEXT");
}

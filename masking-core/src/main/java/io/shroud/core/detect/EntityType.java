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

  @Override
  public int compareTo(EntityType other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}

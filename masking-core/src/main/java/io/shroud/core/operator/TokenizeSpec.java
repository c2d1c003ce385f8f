package io.shroud.core.operator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reversible format-preserving encryption with NIST FF1 (AES-256). Length and separators stay; with
 * the digits alphabet every digit stays a digit; kept leading/trailing characters stay in clear; with
 * {@code luhn} the check digit is recomputed so a tokenized card number is still Luhn-valid.
 *
 * @param key key name
 * @param alphabet which characters are encrypted (others are separators and stay)
 * @param keepFirst leading alphabet characters left in clear
 * @param keepLast trailing alphabet characters left in clear
 * @param luhn recompute the last digit as a Luhn check digit (digits alphabet only)
 * @param tweak public FF1 tweak; tokens under different tweaks are unrelated (empty = none)
 */
public record TokenizeSpec(String key, Alphabet alphabet, int keepFirst, int keepLast, boolean luhn, String tweak)
    implements OperatorSpec {
  /** Digits in entity types of fixed or minimum length, to reject too-short FF1 domains at load. */
  private static final Map<String, Integer> MIN_DIGITS = Map.of("US_SSN", 9, "CREDIT_CARD", 13, "PHONE", 7);

  public TokenizeSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(alphabet, "alphabet");
    Objects.requireNonNull(tweak, "tweak");
    if (keepFirst < 0 || keepLast < 0) {
      throw new IllegalArgumentException("keepFirst and keepLast must not be negative");
    }
    if (luhn && alphabet != Alphabet.DIGITS) {
      throw new IllegalArgumentException("luhn needs alphabet: digits");
    }
  }

  static TokenizeSpec parse(OperatorParams params) {
    params.allowOnly("action", "key", "alphabet", "keepFirst", "keepLast", "luhn", "tweak");
    String key = params.requireKey("tokenize");
    Alphabet alphabet = params.enumValue("alphabet", Alphabet.class, Alphabet::yamlName).orElse(Alphabet.DIGITS);
    boolean luhn = params.bool("luhn").orElse(false);
    if (luhn && alphabet != Alphabet.DIGITS) {
      throw params.error("luhn", "'" + params.dotted("luhn") + "' needs alphabet: digits");
    }
    return new TokenizeSpec(key, alphabet, params.nonNegative("keepFirst", 0), params.nonNegative("keepLast", 0), luhn,
        params.string("tweak").orElse(""));
  }

  /** Characters encrypted at the least: FF1 needs radix^length >= 1,000,000. */
  public int minimumEncrypted() {
    return alphabet.minimumLength();
  }

  /** How many characters a value of {@code alphabetChars} alphabet characters leaves to encrypt. */
  public int encryptedLength(int alphabetChars) {
    return alphabetChars - keepFirst - keepLast - (luhn ? 1 : 0);
  }

  @Override
  public String action() {
    return "tokenize";
  }

  @Override
  public String keyName() {
    return key;
  }

  @Override
  public Map<String, Object> auditParameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("algorithm", "FF1-AES256");
    params.put("key", key);
    params.put("alphabet", alphabet.yamlName());
    params.put("keepFirst", keepFirst);
    params.put("keepLast", keepLast);
    params.put("luhn", luhn);
    params.put("tweak", tweak.isEmpty() ? "none" : "set");
    return params;
  }

  @Override
  public Traits traits() {
    // reversible with the key; a token keeps the format of its value (a card is still a card)
    return new Traits(true, false, true);
  }

  /** Entity types of fixed or minimum length need enough digits left for FF1 (checked at load, not per value). */
  @Override
  public Optional<String> problemFor(String entityType) {
    String type = entityType.toUpperCase(Locale.ROOT);
    Integer digits = MIN_DIGITS.get(type);
    if (alphabet != Alphabet.DIGITS || digits == null || encryptedLength(digits) >= minimumEncrypted()) {
      return Optional.empty();
    }
    return Optional.of("tokenize for " + type + " would encrypt " + Math.max(0, encryptedLength(digits)) + " of "
        + digits + " digits; FF1 needs at least " + minimumEncrypted() + " (10^6 >= 1,000,000): keep fewer digits");
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return new Ff1Tokenizer(this, keys.key(key));
  }

  /** Encryptable characters. */
  public enum Alphabet {
    /** 0-9, radix 10: digits stay digits. */
    DIGITS("digits", "0123456789", 6),
    /** 0-9, A-Z, a-z, radix 62: letters and digits may trade places. */
    ALPHANUMERIC("alphanumeric", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 4);

    private final String yamlName;
    private final String characters;
    private final int minimumLength;

    Alphabet(String yamlName, String characters, int minimumLength) {
      this.yamlName = yamlName;
      this.characters = characters;
      this.minimumLength = minimumLength;
    }

    public String yamlName() {
      return yamlName;
    }

    public String characters() {
      return characters;
    }

    public int radix() {
      return characters.length();
    }

    public int minimumLength() {
      return minimumLength;
    }
  }
}

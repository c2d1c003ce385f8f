package io.shroud.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.check.Checksums;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReversibleOperatorsTest {
  private final Operators ops = OperatorsTest.operators();

  private ReversibleOperator tokenizer(TokenizeSpec spec) {
    return (ReversibleOperator) ops.create(spec);
  }

  static String randomCard(Random random) {
    StringBuilder digits = new StringBuilder(random.nextBoolean() ? "4" : "5" + (1 + random.nextInt(5)));
    while (digits.length() < 15) {
      digits.append(random.nextInt(10));
    }
    digits.append(Checksums.luhnCheckDigit(digits));
    String d = digits.toString();
    return random.nextBoolean() ? d : d.substring(0, 4) + " " + d.substring(4, 8) + " " + d.substring(8, 12) + " " + d.substring(12);
  }

  @Test
  void ff1RoundTripsTenThousandCardsKeepingFormatAndLuhn() {
    ReversibleOperator keepLast4 = tokenizer(new TokenizeSpec("k1", TokenizeSpec.Alphabet.DIGITS, 0, 4, true, ""));
    ReversibleOperator recompute = tokenizer(new TokenizeSpec("k1", TokenizeSpec.Alphabet.DIGITS, 6, 0, true, ""));
    Random random = new Random(1);
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String card = randomCard(random);
      for (ReversibleOperator op : new ReversibleOperator[] {keepLast4, recompute}) {
        String token = op.apply(card, EntityType.CREDIT_CARD);
        assertThat(token).hasSameSizeAs(card).isNotEqualTo(card);
        assertThat(token.replaceAll("\\d", "9")).isEqualTo(card.replaceAll("\\d", "9"));
        assertThat(Checksums.luhnValid(Checksums.digitsOf(token))).isTrue();
        assertThat(op.reverse(token, EntityType.CREDIT_CARD)).isEqualTo(card);
        if (op == keepLast4) {
          assertThat(token.substring(token.length() - 4)).isEqualTo(card.substring(card.length() - 4));
          tokens.add(token);
        } else {
          assertThat(Checksums.digitsOf(token).substring(0, 6)).isEqualTo(Checksums.digitsOf(card).substring(0, 6));
        }
      }
    }
    assertThat(tokens).hasSizeGreaterThan(9_990);
  }

  @Test
  void ff1RoundTripsTenThousandSsnsAndIsKeyed() {
    TokenizeSpec spec = new TokenizeSpec("k1", TokenizeSpec.Alphabet.DIGITS, 0, 0, false, "");
    ReversibleOperator k1 = tokenizer(spec);
    ReversibleOperator k2 = tokenizer(new TokenizeSpec("k2", TokenizeSpec.Alphabet.DIGITS, 0, 0, false, ""));
    ReversibleOperator tweaked = tokenizer(new TokenizeSpec("k1", TokenizeSpec.Alphabet.DIGITS, 0, 0, false, "ssn"));
    Random random = new Random(2);
    int sameUnderOtherKey = 0;
    for (int i = 0; i < 10_000; i++) {
      String ssn = String.format("%03d-%02d-%04d", 1 + random.nextInt(899), 1 + random.nextInt(99), random.nextInt(10_000));
      String token = k1.apply(ssn, EntityType.US_SSN);
      assertThat(token).matches("\\d{3}-\\d{2}-\\d{4}");
      assertThat(k1.reverse(token, EntityType.US_SSN)).isEqualTo(ssn);
      assertThat(tokenizer(spec).apply(ssn, EntityType.US_SSN)).isEqualTo(token);
      if (k2.apply(ssn, EntityType.US_SSN).equals(token) || tweaked.apply(ssn, EntityType.US_SSN).equals(token)) {
        sameUnderOtherKey++;
      }
    }
    assertThat(sameUnderOtherKey).isLessThan(5);
  }

  @Test
  void alphanumericTokensAndShortDomains() {
    ReversibleOperator alnum = tokenizer(new TokenizeSpec("k1", TokenizeSpec.Alphabet.ALPHANUMERIC, 0, 0, false, ""));
    String token = alnum.apply("AB12-cd34-Ünï", null);
    assertThat(token).hasSize(13).matches("[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-Ü[0-9A-Za-z]ï");
    assertThat(alnum.reverse(token, null)).isEqualTo("AB12-cd34-Ünï");
    ReversibleOperator digits = tokenizer(new TokenizeSpec("k1", TokenizeSpec.Alphabet.DIGITS, 0, 4, false, ""));
    assertThatThrownBy(() -> digits.apply("123-4567", null))
        .isInstanceOf(MaskingException.class)
        .hasMessage("Cannot tokenize a value with 7 digits characters: 3 would be encrypted, FF1 needs at least 6 "
            + "(radix^length >= 1,000,000); keep fewer characters or use hash/encrypt");
    assertThatThrownBy(() -> tokenizer(new TokenizeSpec("k1", TokenizeSpec.Alphabet.DIGITS, 0, 0, true, ""))
        .apply("4111111111111112", null))
        .hasMessage("Cannot tokenize with luhn: a value of 16 digits fails the Luhn check; set luhn: false for this column");
  }

  @Test
  void sivEncryptionIsDeterministicAuthenticatedAndKeyed() {
    ReversibleOperator k1 = (ReversibleOperator) ops.create(new EncryptSpec("k1"));
    ReversibleOperator k2 = (ReversibleOperator) ops.create(new EncryptSpec("k2"));
    for (String value : new String[] {"", "jane@example.com", "Ünïcødé ✓ 名前", "x".repeat(10_000)}) {
      String c = k1.apply(value, null);
      assertThat(c).startsWith("enc1:").isEqualTo(k1.apply(value, null)).isNotEqualTo(k2.apply(value, null));
      assertThat(k1.reverse(c, null)).isEqualTo(value);
    }
    String c = k1.apply("jane@example.com", null);
    String tampered = c.substring(0, c.length() - 2) + (c.endsWith("A") ? "B" : "A") + c.charAt(c.length() - 1);
    assertThatThrownBy(() -> k1.reverse(tampered, null))
        .hasMessage("Cannot decrypt a value: authentication failed (wrong key or altered data)");
    assertThatThrownBy(() -> k2.reverse(c, null)).isInstanceOf(MaskingException.class);
  }

  /** The key check value identifies key, purpose and tweak, and is neither a key fingerprint nor stable across keys. */
  @Test
  void keyCheckValuesDifferWhenKeyPurposeOrTweakDiffer() {
    TokenizeSpec card = new TokenizeSpec("k1", TokenizeSpec.Alphabet.DIGITS, 0, 4, true, "");
    String k1 = ops.checkValue(card);
    assertThat(k1).matches("[0-9a-f]{16}").isEqualTo(ops.checkValue(card))
        .as("parameters in clear in the audit do not change it").isEqualTo(ops.checkValue(
            new TokenizeSpec("k1", TokenizeSpec.Alphabet.DIGITS, 2, 0, false, "")));
    assertThat(ops.checkValue(new TokenizeSpec("k2", TokenizeSpec.Alphabet.DIGITS, 0, 4, true, ""))).isNotEqualTo(k1);
    assertThat(ops.checkValue(new TokenizeSpec("k1", TokenizeSpec.Alphabet.DIGITS, 0, 4, true, "tenant-7")))
        .as("the tweak is part of the mapping").isNotEqualTo(k1);
    assertThat(ops.checkValue(new EncryptSpec("k1"))).matches("[0-9a-f]{16}").isNotEqualTo(k1)
        .isNotEqualTo(ops.checkValue(new EncryptSpec("k2")));
    assertThat(ops.key("k1").fingerprint()).isNotIn(k1, ops.checkValue(new EncryptSpec("k1")));
    assertThat(ops.checkValue(PartialMaskSpec.LAST_FOUR)).isNull();
  }
}

package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.check.Checksums;
import io.shroud.core.keys.KeyMaterial;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * NIST SP 800-38G FF1 over the value's alphabet characters (BouncyCastle, AES-256 sub-key derived for
 * tokenization). Separators and kept characters stay in place. With Luhn, a token is a valid card
 * number: when the check digit is not kept it is recomputed; when it is kept, FF1 is cycle-walked
 * until the whole number is Luhn-valid (about ten rounds on average), which stays reversible.
 * Not thread-safe.
 */
final class Ff1Tokenizer implements ReversibleOperator {
  private static final int MAX_CYCLE_WALK = 10_000;

  private final TokenizeSpec spec;
  private final FPEFF1Engine encryptor = new FPEFF1Engine(AESEngine.newInstance());
  private final FPEFF1Engine decryptor = new FPEFF1Engine(AESEngine.newInstance());
  private final String alphabet;
  private final String checkValue;

  Ff1Tokenizer(TokenizeSpec spec, KeyMaterial key) {
    this.spec = spec;
    this.alphabet = spec.alphabet().characters();
    byte[] subKey = key.derive("tokenize");
    byte[] tweak = spec.tweak().getBytes(StandardCharsets.UTF_8);
    encryptor.init(true, new FPEParameters(new KeyParameter(subKey), alphabet.length(), tweak));
    decryptor.init(false, new FPEParameters(new KeyParameter(subKey), alphabet.length(), tweak));
    Arrays.fill(subKey, (byte) 0);
    // Alphabet, kept characters and luhn are in the audit in clear; the tweak only as set/none.
    this.checkValue = key.checkValue("tokenize", spec.tweak());
  }

  @Override
  public String checkValue() {
    return checkValue;
  }

  @Override
  public String apply(String value, EntityType type) {
    return transform(value, true);
  }

  @Override
  public String reverse(String masked, EntityType type) {
    return transform(masked, false);
  }

  private String transform(String value, boolean encrypt) {
    int[] positions = alphabetPositions(value);
    int checkDigit = spec.luhn() && spec.keepLast() == 0 ? 1 : 0;
    int from = spec.keepFirst();
    int to = positions.length - spec.keepLast() - checkDigit;
    int length = to - from;
    if (length < spec.minimumEncrypted()) {
      throw new MaskingException("Cannot tokenize a value with " + positions.length + " " + spec.alphabet().yamlName()
          + " characters: " + Math.max(length, 0) + " would be encrypted, FF1 needs at least " + spec.minimumEncrypted()
          + " (radix^length >= 1,000,000); keep fewer characters or use hash/encrypt");
    }
    char[] chars = value.toCharArray();
    if (spec.luhn() && !Checksums.luhnValid(digitsAt(chars, positions))) {
      throw new MaskingException("Cannot tokenize with luhn: a value of " + positions.length
          + " digits fails the Luhn check; set luhn: false for this column");
    }
    byte[] block = new byte[length];
    for (int i = 0; i < length; i++) {
      block[i] = (byte) alphabet.indexOf(chars[positions[from + i]]);
    }
    FPEFF1Engine engine = encrypt ? encryptor : decryptor;
    byte[] out = new byte[length];
    for (int round = 0; ; round++) {
      engine.processBlock(block, 0, length, out, 0);
      for (int i = 0; i < length; i++) {
        chars[positions[from + i]] = alphabet.charAt(out[i]);
      }
      if (checkDigit == 1) {
        int last = positions[positions.length - 1];
        chars[last] = Checksums.luhnCheckDigit(digitsAt(chars, Arrays.copyOf(positions, positions.length - 1)));
        break;
      }
      if (!spec.luhn() || Checksums.luhnValid(digitsAt(chars, positions))) {
        break;
      }
      if (round >= MAX_CYCLE_WALK) {
        throw new MaskingException("Cannot tokenize with luhn: no Luhn-valid token after " + MAX_CYCLE_WALK + " rounds");
      }
      System.arraycopy(out, 0, block, 0, length);
    }
    return new String(chars);
  }

  private int[] alphabetPositions(String value) {
    int[] positions = new int[value.length()];
    int n = 0;
    for (int i = 0; i < value.length(); i++) {
      if (alphabet.indexOf(value.charAt(i)) >= 0) {
        positions[n++] = i;
      }
    }
    return Arrays.copyOf(positions, n);
  }

  private static String digitsAt(char[] chars, int[] positions) {
    StringBuilder sb = new StringBuilder(positions.length);
    for (int p : positions) {
      sb.append(chars[p]);
    }
    return sb.toString();
  }
}

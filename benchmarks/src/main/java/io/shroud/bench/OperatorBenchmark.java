package io.shroud.bench;

import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.check.Checksums;
import io.shroud.core.keys.KeyMaterial;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.operator.EncryptSpec;
import io.shroud.core.operator.GeneralizeSpec;
import io.shroud.core.operator.HashSpec;
import io.shroud.core.operator.MaskingOperator;
import io.shroud.core.operator.OperatorSpec;
import io.shroud.core.operator.Operators;
import io.shroud.core.operator.PartialMaskSpec;
import io.shroud.core.operator.PerturbSpec;
import io.shroud.core.operator.PseudonymizeSpec;
import io.shroud.core.operator.RedactSpec;
import io.shroud.core.operator.SubstituteSpec;
import io.shroud.core.operator.TokenizeSpec;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Values per second on one thread for each operator, on Luhn-valid 16-digit card numbers (names for
 * substitute, numbers for generalize/perturb). A warm-up pass precedes each timed pass.
 *
 * <p>Usage: {@code OperatorBenchmark [VALUES]} (default 200,000)
 */
public final class OperatorBenchmark {
  private OperatorBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    byte[] keyBytes = new byte[32];
    new SecureRandom().nextBytes(keyBytes);
    KeySpec spec = new KeySpec("bench", KeySpec.KeySource.FILE, "in-memory", false);
    KeyMaterial key = new KeyMaterial("bench", keyBytes);
    Operators operators = new Operators(Map.of("bench", spec), s -> key);
    String[] cards = new String[n];
    Random random = new Random(5);
    for (int i = 0; i < n; i++) {
      StringBuilder d = new StringBuilder("4");
      while (d.length() < 15) {
        d.append(random.nextInt(10));
      }
      cards[i] = d.append(Checksums.luhnCheckDigit(d)).toString();
    }
    Map<String, OperatorSpec> specs = new LinkedHashMap<>();
    specs.put("redact", RedactSpec.LABEL);
    specs.put("partial-mask (last 4)", PartialMaskSpec.LAST_FOUR);
    specs.put("hash (HMAC-SHA256 hex)", new HashSpec("bench", HashSpec.Encoding.HEX, 0));
    specs.put("pseudonymize", new PseudonymizeSpec("bench", null, 8));
    specs.put("tokenize FF1 digits", new TokenizeSpec("bench", TokenizeSpec.Alphabet.DIGITS, 0, 0, false, ""));
    specs.put("tokenize FF1 luhn, keep 6+check", new TokenizeSpec("bench", TokenizeSpec.Alphabet.DIGITS, 6, 0, true, ""));
    specs.put("tokenize FF1 luhn, keep last 4 (cycle walk)", new TokenizeSpec("bench", TokenizeSpec.Alphabet.DIGITS, 0, 4, true, ""));
    specs.put("encrypt AES-GCM-SIV", new EncryptSpec("bench"));
    specs.put("generalize width 1000", GeneralizeSpec.range(1_000_000));
    specs.put("perturb laplace", new PerturbSpec(PerturbSpec.Kind.LAPLACE, 1, 1, 0, null, null, 0));
    specs.put("substitute PERSON (Datafaker)", new SubstituteSpec("bench", "PERSON", "en-US"));
    System.out.printf(Locale.ROOT, "%-45s %12s%n", "operator", "values/s");
    for (Map.Entry<String, OperatorSpec> e : specs.entrySet()) {
      MaskingOperator op = operators.create(e.getValue());
      int count = e.getKey().startsWith("substitute") ? n / 10 : n;
      run(op, cards, count);
      long start = System.nanoTime();
      long sink = run(op, cards, count);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%-45s %,12.0f%s%n", e.getKey(), count / seconds, sink == 42 ? " " : "");
    }
  }

  private static long run(MaskingOperator op, String[] values, int count) {
    long sink = 0;
    for (int i = 0; i < count; i++) {
      String out = op.apply(values[i], EntityType.CREDIT_CARD);
      sink += out == null ? 0 : out.length();
    }
    return sink;
  }
}

package io.shroud.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.scan.TextScanner;
import io.shroud.core.keys.KeyMaterial;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.policy.Digests;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorsTest {
  static final KeySpec K1 = new KeySpec("k1", KeySpec.KeySource.FILE, "unused", false);
  static final KeySpec K2 = new KeySpec("k2", KeySpec.KeySource.FILE, "unused", false);

  static Operators operators() {
    byte[] one = new byte[32];
    byte[] two = new byte[32];
    Arrays.fill(one, (byte) 1);
    Arrays.fill(two, (byte) 2);
    Map<String, KeyMaterial> keys = Map.of("k1", new KeyMaterial("k1", one), "k2", new KeyMaterial("k2", two));
    return new Operators(Map.of("k1", K1, "k2", K2), spec -> keys.get(spec.name()));
  }

  @Test
  void redactUsesTheLabelOrAConstant() {
    assertThat(operators().create(RedactSpec.LABEL).apply("a@b.co", EntityType.EMAIL)).isEqualTo("<EMAIL>");
    assertThat(operators().create(RedactSpec.LABEL).apply("x", null)).isEqualTo("<REDACTED>");
    assertThat(operators().create(new RedactSpec("[x]")).apply("a@b.co", EntityType.EMAIL)).isEqualTo("[x]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0|4|123-45-6789|***-**-6789",
      "0|4|4111 1111 1111 1111|**** **** **** 1111",
      "3|0|john.doe@example.com|joh*****@example.com",
      "0|4|abc|***",
      "2|2|+1 (415) 555-2671|+1 (4**) ***-**71",
      "0|4|Ünïcødé-wörd-1234|*******-****-1234",
      "0|4|12😀34-5678|**😀**-5678",
      "1|1|a-b|*-*",
      "2|2|AB12cd-99x|AB****-*9x",
  })
  void partialMaskKeepsFormat(int first, int last, String value, String expected) {
    MaskingOperator op = operators().create(new PartialMaskSpec(first, last, '*'));
    assertThat(op.apply(value, null)).isEqualTo(expected);
  }

  @Test
  void keyedHashIsDeterministicPerKeyAndUnlinkableAcrossKeys() {
    Operators ops = operators();
    MaskingOperator k1 = ops.create(new HashSpec("k1", HashSpec.Encoding.HEX, 0));
    MaskingOperator k1again = ops.create(new HashSpec("k1", HashSpec.Encoding.HEX, 0));
    MaskingOperator k2 = ops.create(new HashSpec("k2", HashSpec.Encoding.HEX, 0));
    String a = k1.apply("C100001", null);
    assertThat(a).hasSize(64).matches("[0-9a-f]+");
    assertThat(k1again.apply("C100001", null)).isEqualTo(a);
    assertThat(k2.apply("C100001", null)).isNotEqualTo(a);
    assertThat(k1.apply("C100002", null)).isNotEqualTo(a);
    // Not an unsalted digest: the plain SHA-256 of the input must not appear.
    assertThat(a).isNotEqualTo(Digests.sha256Hex("C100001"));
  }

  @Test
  void hashEncodingsAndTruncation() {
    Operators ops = operators();
    String b32 = ops.create(new HashSpec("k1", HashSpec.Encoding.BASE32, 0)).apply("x", null);
    assertThat(b32).hasSize(52).matches("[a-z2-7]+");
    assertThat(ops.create(new HashSpec("k1", HashSpec.Encoding.HEX, 16)).apply("x", null)).hasSize(16);
    Set<String> outputs = new HashSet<>();
    MaskingOperator op = ops.create(new HashSpec("k1", HashSpec.Encoding.HEX, 12));
    for (int i = 0; i < 10_000; i++) {
      outputs.add(op.apply("value-" + i, null));
    }
    assertThat(outputs).hasSize(10_000);
  }

  @Test
  void base32MatchesRfc4648Vectors() {
    assertThat(KeyedHasher.base32("foobar".getBytes())).isEqualTo("mzxw6ytboi");
    assertThat(KeyedHasher.base32("f".getBytes())).isEqualTo("my");
  }

  @Test
  void textMaskerReplacesRightToLeft() {
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    String text = "Mail a@example.com or call (415) 555-2671; SSN 219-09-9998.";
    Operators ops = operators();
    String masked = TextMasker.mask(text, scanner.scan(text, DetectionContext.NONE),
        type -> type.equals(EntityType.US_SSN) ? ops.create(PartialMaskSpec.LAST_FOUR) : ops.create(RedactSpec.LABEL));
    assertThat(masked).isEqualTo("Mail <EMAIL> or call <PHONE>; SSN ***-**-9998.");
  }
}

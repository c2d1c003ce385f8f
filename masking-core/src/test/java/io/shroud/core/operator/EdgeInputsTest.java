package io.shroud.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operator on empty, whitespace and non-ASCII input: no crash, and never the input itself. */
class EdgeInputsTest {
  static Stream<OperatorSpec> operators() {
    return Stream.of(RedactSpec.LABEL, new RemoveSpec(), new SuppressSpec(), PartialMaskSpec.LAST_FOUR,
        new HashSpec("k1", HashSpec.Encoding.HEX, 0), new PseudonymizeSpec("k1", null, 8),
        new SubstituteSpec("k1", null, "en-US"), new EncryptSpec("k1"), GeneralizeSpec.range(10),
        GeneralizeSpec.prefix(2), new PerturbSpec(PerturbSpec.Kind.UNIFORM, 0, 0, 1, null, null, 0));
  }

  @ParameterizedTest
  @MethodSource("operators")
  void handlesEmptyAndUnicode(OperatorSpec spec) {
    MaskingOperator op = OperatorsTest.operators().create(spec);
    for (String value : List.of("", " ", "名前 テスト", "Zoë Ångström-Ñúñez", "🙂🙂🙂🙂🙂🙂", "\u0000\t\n")) {
      assertThatCode(() -> op.apply(value, EntityType.of("PERSON"))).doesNotThrowAnyException();
      String masked = op.apply(value, EntityType.of("PERSON"));
      if (!value.isBlank() && masked != null && !(spec instanceof GeneralizeSpec)) {
        assertThat(masked).as("%s on %s", spec.action(), value).isNotEqualTo(value);
      }
    }
  }

  @Test
  void suppressedSpansDisappearFromText() {
    String text = "mail a@example.com now";
    List<Finding> findings = List.of(new Finding(EntityType.EMAIL, 5, 18, 0.9, "email", "r"));
    assertThat(TextMasker.mask(text, findings, t -> OperatorsTest.operators().create(new SuppressSpec())))
        .isEqualTo("mail  now");
    assertThat(DetectionContext.NONE.columnName()).isNull();
  }
}

package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import java.util.List;
import java.util.function.Function;

/** Replaces non-overlapping findings in a text, right to left so earlier offsets stay valid. */
public final class TextMasker {
  private TextMasker() {}

  /**
   * @param findings non-overlapping findings sorted by start
   * @param operatorFor the operator for each entity type
   */
  public static String mask(String text, List<Finding> findings, Function<EntityType, MaskingOperator> operatorFor) {
    if (findings.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    for (int i = findings.size() - 1; i >= 0; i--) {
      Finding f = findings.get(i);
      String original = text.substring(f.start(), f.end());
      String masked = operatorFor.apply(f.type()).apply(original, f.type());
      out.replace(f.start(), f.end(), masked == null ? "" : masked); // suppressing a span removes it
    }
    return out.toString();
  }
}

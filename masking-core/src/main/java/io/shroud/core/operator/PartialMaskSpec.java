package io.shroud.core.operator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a few leading/trailing characters and masks the rest. Separators ({@code -}, spaces, dots)
 * and the domain of an e-mail address keep their place so the format stays recognisable:
 * {@code ***-**-6789}, {@code jo*****@example.com}.
 *
 * @param keepFirst characters kept at the start (letters and digits only are counted)
 * @param keepLast characters kept at the end
 * @param maskChar the replacement character
 */
public record PartialMaskSpec(int keepFirst, int keepLast, char maskChar) implements OperatorSpec {
  public static final PartialMaskSpec LAST_FOUR = new PartialMaskSpec(0, 4, '*');

  public PartialMaskSpec {
    if (keepFirst < 0 || keepLast < 0) {
      throw new IllegalArgumentException("keepFirst and keepLast must not be negative");
    }
    if (Character.isLetterOrDigit(maskChar)) {
      throw new IllegalArgumentException("maskChar must not be a letter or digit, got '" + maskChar + "'");
    }
  }

  static PartialMaskSpec parse(OperatorParams params) {
    params.allowOnly("action", "keepFirst", "keepLast", "maskChar");
    // With neither given, keep the last four (***-**-6789); naming one means the other is zero.
    boolean neither = !params.has("keepFirst") && !params.has("keepLast");
    int keepFirst = params.nonNegative("keepFirst", 0);
    int keepLast = params.nonNegative("keepLast", neither ? 4 : 0);
    String maskChar = params.string("maskChar").orElse("*");
    if (maskChar.codePointCount(0, maskChar.length()) != 1 || maskChar.length() != 1
        || Character.isLetterOrDigit(maskChar.charAt(0))) {
      throw params.error("maskChar", "'" + params.dotted("maskChar")
          + "' must be one character that is not a letter or digit, such as '*'");
    }
    return new PartialMaskSpec(keepFirst, keepLast, maskChar.charAt(0));
  }

  @Override
  public String action() {
    return "partial-mask";
  }

  @Override
  public Map<String, Object> auditParameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("keepFirst", keepFirst);
    params.put("keepLast", keepLast);
    params.put("maskChar", String.valueOf(maskChar));
    return params;
  }

  @Override
  public Traits traits() {
    return Traits.OPAQUE;
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return new PartialMasker(this);
  }
}

package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;

/**
 * Keeps the first/last few letters or digits and masks the others, leaving separators where they
 * were: {@code 123-45-6789 -> ***-**-6789}, {@code 4111 1111 1111 1111 -> **** **** **** 1111}. For
 * an e-mail address only the local part is masked: {@code john.doe@example.com -> joh*****@example.com}
 * with keepFirst 3. When the kept characters would be half the value or more, everything is masked
 * so a short value is never revealed whole.
 */
final class PartialMasker implements MaskingOperator {
  private final PartialMaskSpec spec;

  PartialMasker(PartialMaskSpec spec) {
    this.spec = spec;
  }

  @Override
  public String apply(String value, EntityType type) {
    int at = value.lastIndexOf('@');
    if (at > 0 && (type == null || EntityType.EMAIL.equals(type)) && value.indexOf('.', at) > at) {
      return maskLocalPart(value.substring(0, at)) + value.substring(at);
    }
    return mask(value, spec.keepFirst(), spec.keepLast(), false);
  }

  private String maskLocalPart(String local) {
    // The local part of an e-mail is masked wholesale (dots included) apart from its first letters.
    return mask(local, spec.keepFirst(), 0, true);
  }

  private String mask(String value, int keepFirst, int keepLast, boolean maskSeparators) {
    int significant = 0;
    for (int i = 0; i < value.length(); i++) {
      if (Character.isLetterOrDigit(value.charAt(i))) {
        significant++;
      }
    }
    if (significant == 0) {
      // Nothing to keep or to recognise (symbols, emoji): fail closed and mask every visible character.
      StringBuilder all = new StringBuilder();
      value.codePoints().forEach(cp -> {
        if (Character.isWhitespace(cp)) {
          all.appendCodePoint(cp);
        } else {
          all.append(spec.maskChar());
        }
      });
      return all.toString();
    }
    if ((keepFirst + keepLast) * 2 > significant) {
      keepFirst = 0;
      keepLast = 0;
    }
    // Masked in a copy of the characters: one array and one string per value, no builder.
    char[] out = value.toCharArray();
    char mask = spec.maskChar();
    int seen = 0;
    for (int i = 0; i < out.length; i++) {
      if (Character.isLetterOrDigit(out[i])) {
        seen++;
        if (seen > keepFirst && seen <= significant - keepLast) {
          out[i] = mask;
        }
      } else if (maskSeparators) {
        out[i] = mask;
      }
    }
    return new String(out);
  }
}

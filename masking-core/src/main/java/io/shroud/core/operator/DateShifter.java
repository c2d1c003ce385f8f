package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;
import io.shroud.core.keys.KeyMaterial;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Shifts dates by a per-subject offset: a keyed PRF of the subject's id picks a number of days in
 * [-maxDays, maxDays], so every date of one subject moves by the same amount and the intervals between
 * them survive. Dates keep their format (date, date-time, with offset, or Spark's
 * {@code yyyy-MM-dd HH:mm:ss[.f]}); unreadable values and rows without a subject become null.
 */
final class DateShifter implements MaskingOperator {
  private final PerturbSpec spec;
  private final Hmac hmac;

  DateShifter(PerturbSpec spec, KeyMaterial key) {
    this.spec = spec;
    this.hmac = new Hmac(key, "date-shift");
  }

  @Override
  public String apply(String value, EntityType type) {
    throw new MaskingException("Cannot shift dates without a subject: the date-shift operator needs the row's '"
        + spec.subject() + "' value");
  }

  @Override
  public String apply(String value, EntityType type, String subject) {
    return shift(value, subject);
  }

  /** Shifts {@code value} by the subject's offset. */
  String shift(String value, String subject) {
    if (subject == null || subject.isEmpty()) {
      return null;
    }
    long days = Math.floorMod(hmac.longOf(subject), 2L * spec.maxDays() + 1) - spec.maxDays();
    String text = value.trim();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).plusDays(days).toString();
      }
      if (text.length() > 10 && text.charAt(10) == ' ') {
        String iso = text.replace(' ', 'T');
        String shifted = LocalDateTime.parse(iso).plusDays(days).toString().replace('T', ' ');
        return text.endsWith(".0") && !shifted.contains(".") ? shifted + ".0" : shifted;
      }
      try {
        return LocalDateTime.parse(text).plusDays(days).toString();
      } catch (DateTimeParseException e) {
        return OffsetDateTime.parse(text).plusDays(days).toString();
      }
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

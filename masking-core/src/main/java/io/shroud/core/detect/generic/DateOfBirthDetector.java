package io.shroud.core.detect.generic;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a real calendar date (ISO, numeric day/month/year in either order, or with a month
 * name) between 1900 and today, reported only next to "born", "DOB", "birth" and the like or in a
 * dob / birth_date column. A bare date, or a timestamp (date followed by a time), is an event, not a
 * birth date.
 */
public final class DateOfBirthDetector extends RegexDetector {
  private static final String MONTH = "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
      + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w/.-])(?:"
      + "(?<iy>(?:19|20)\\d{2})(?<is>[-/.])(?<im>\\d{1,2})\\k<is>(?<id>\\d{1,2})"
      + "|(?<a>\\d{1,2})(?<ns>[-/.])(?<b>\\d{1,2})\\k<ns>(?<ny>(?:19|20)?\\d{2})"
      + "|(?<tm>" + MONTH + ")\\.?[ -](?<td>\\d{1,2})(?:st|nd|rd|th)?,?[ -](?<ty>(?:19|20)\\d{2})"
      + "|(?<ud>\\d{1,2})(?:st|nd|rd|th)?[ -](?:of )?(?<um>" + MONTH + ")\\.?,?[ -](?<uy>(?:19|20)\\d{2})"
      + ")(?![\\w/-]|\\.\\d|[T ]\\d{1,2}:\\d{2})");

  public DateOfBirthDetector() {
    super("date_of_birth", EntityType.DATE_OF_BIRTH, CANDIDATE, new ContextWords(List.of(
        "born", "birth", "dob", "d.o.b", "birthday", "birthdate", "date of birth", "geboren", "naissance",
        "nacimiento")), true);
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(4);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.digits() >= 4;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    LocalDate date = parse(match);
    if (date == null || date.getYear() < 1900 || date.isAfter(LocalDate.now())) {
      return null;
    }
    return new Score(0.3, "calendar date");
  }

  private static LocalDate parse(Matcher m) {
    if (m.group("iy") != null) {
      return date(m.group("iy"), m.group("im"), m.group("id"));
    }
    if (m.group("a") != null) {
      String year = m.group("ny");
      if (year.length() == 2) {
        int yy = Integer.parseInt(year);
        year = String.valueOf(yy + (yy <= LocalDate.now().getYear() % 100 ? 2000 : 1900));
      }
      // Month first (US) when valid, else day first.
      LocalDate monthFirst = date(year, m.group("a"), m.group("b"));
      return monthFirst != null ? monthFirst : date(year, m.group("b"), m.group("a"));
    }
    if (m.group("tm") != null) {
      return date(m.group("ty"), String.valueOf(month(m.group("tm"))), m.group("td"));
    }
    return date(m.group("uy"), String.valueOf(month(m.group("um"))), m.group("ud"));
  }

  private static int month(String name) {
    String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
    return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(prefix) / 3 + 1;
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}

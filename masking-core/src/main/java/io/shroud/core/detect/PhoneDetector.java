package io.shroud.core.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers validated by libphonenumber: international numbers in any format, and national
 * numbers for each configured default region. A cheap bounded pattern finds candidates with 7 to 15
 * digits; only those reach libphonenumber's parser (its own matcher costs ~40 us per text).
 */
public final class PhoneDetector implements Detector {
  private static final Pattern CANDIDATE =
      Pattern.compile("(?<![\\w+.(-])[+(]?\\(?\\d[\\d ().\\-/]{5,24}\\d(?![\\w]|[.-]\\d)");
  private static final ContextWords CONTEXT = new ContextWords(
      List.of("phone", "tel", "telephone", "mobile", "cell", "fax", "call", "contact", "whatsapp", "sms"));

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final List<String> regions;

  public PhoneDetector(List<String> regions) {
    this.regions = List.copyOf(regions);
  }

  @Override
  public String id() {
    return "phone";
  }

  @Override
  public EntityType entityType() {
    return EntityType.PHONE;
  }

  @Override
  public void detect(String text, DetectionContext context, List<Finding> out) {
    if (!RegexDetector.hasDigits(text, 7)) {
      return;
    }
    Matcher m = CANDIDATE.matcher(text);
    while (m.find()) {
      String candidate = m.group();
      int digits = countDigits(candidate);
      if (digits < 7 || digits > 15) {
        continue;
      }
      Finding finding = validate(candidate, m.start(), m.end());
      if (finding != null) {
        out.add(CONTEXT.apply(finding, text, context));
      }
    }
  }

  private Finding validate(String candidate, int start, int end) {
    boolean international = candidate.startsWith("+");
    boolean formatted = international || candidate.chars().anyMatch(c -> c == ' ' || c == '-' || c == '(' || c == '.');
    // Ten bare digits are as often an account or tracking number as a phone: they need context.
    double base = international ? 0.75 : formatted ? 0.65 : 0.4;
    for (String region : international ? List.of("ZZ") : regions) {
      try {
        PhoneNumber number = util.parse(candidate, region);
        if (util.isValidNumber(number)) {
          String reason = international ? "valid international number" : "valid number for region " + region;
          return new Finding(EntityType.PHONE, start, end, base, id(), reason);
        }
      } catch (NumberParseException e) {
        // not a number in this region
      }
    }
    return null;
  }

  private static int countDigits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }
}

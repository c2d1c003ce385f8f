package io.shroud.core.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers. A cheap bounded pattern finds phone-shaped candidates with 7 to 15 digits (plus an
 * optional extension); only those reach libphonenumber (its own matcher costs ~40 us per text).
 * <ul>
 *   <li>Valid per libphonenumber, international or national for a configured region: reported.
 *   <li>Not valid for any configured region (a national number from elsewhere, "0490 75 40 81"):
 *       reported only when a phone word ("phone", "mobile", "fax", "call") is near or names the
 *       column, and only when grouped like a phone number, not a bare digit run or a date.
 * </ul>
 */
public final class PhoneDetector implements Detector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w+.(/-])[+(]?\\(?\\d[\\d ().\\-/]{5,24}\\d(?:\\s?(?:x|ext\\.?|extension)\\s?\\d{1,6})?(?![\\w]|[.-]\\d)");
  private static final Pattern DATE_LIKE = Pattern.compile(
      "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}");
  private static final ContextWords CONTEXT = new ContextWords(List.of(
      "phone", "tel", "telephone", "mobile", "cell", "cellphone", "fax", "call", "contact", "whatsapp",
      "sms", "text", "message", "messages", "desk", "office", "landline", "dial", "voicemail", "ext",
      "answering", "reach", "ring"));

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final List<String> regions;
  private Matcher matcher;

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
  public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
    if (features.digits() < 7) {
      return;
    }
    Matcher m = matcher == null ? (matcher = CANDIDATE.matcher(text)) : matcher.reset(text);
    while (m.find()) {
      String candidate = m.group();
      int digits = RegexDetector.countDigits(candidate);
      if (digits < 7 || digits > 21) {
        continue;
      }
      Finding finding = validate(candidate, m.start(), m.end(), features, context);
      if (finding != null) {
        out.add(finding);
      }
    }
  }

  private Finding validate(String candidate, int start, int end, TextFeatures features, DetectionContext context) {
    boolean international = candidate.startsWith("+");
    boolean formatted = international || candidate.chars().anyMatch(c -> c == ' ' || c == '-' || c == '(' || c == '.');
    // Ten bare digits are as often an account or tracking number as a phone: they need context.
    double base = international ? 0.75 : formatted ? 0.65 : 0.4;
    ContextWords.Support support = CONTEXT.support(features, start, end, context);
    for (String region : international ? List.of("ZZ") : regions) {
      try {
        PhoneNumber number = util.parse(candidate, region);
        if (util.isValidNumber(number)) {
          String reason = international ? "valid international number" : "valid number for region " + region;
          return boosted(new Finding(EntityType.PHONE, start, end, base, id(), reason), support);
        }
      } catch (NumberParseException e) {
        // not a number in this region
      }
    }
    if (support == ContextWords.Support.NONE || !formatted || DATE_LIKE.matcher(candidate).matches()) {
      return null;
    }
    return boosted(new Finding(EntityType.PHONE, start, end, 0.3, id(), "phone-shaped number"), support);
  }

  private static Finding boosted(Finding finding, ContextWords.Support support) {
    return switch (support) {
      case COLUMN -> finding.withScore(finding.score() + ContextWords.COLUMN_BOOST, finding.reason() + "; column name");
      case TEXT -> finding.withScore(finding.score() + ContextWords.TEXT_BOOST, finding.reason() + "; context word");
      case NONE -> finding;
    };
  }
}

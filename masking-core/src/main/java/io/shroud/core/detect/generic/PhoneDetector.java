package io.shroud.core.detect.generic;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w+.(/-])[+(]?\\(?\\d[\\d ().\\-/]{5,24}\\d(?:\\s?(?:x|ext\\.?|extension)\\s?\\d{1,6})?(?![\\w]|[.:-]\\d)");
  private static final Pattern DATE_LIKE = Pattern.compile(
      "(?:19|20)\\d{2}([-/.])(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12]\\d|3[01])"
          + "|(?:0?[1-9]|[12]\\d|3[01])([-/.])(?:0?[1-9]|[12]\\d|3[01])\\2(?:19|20)?\\d{2}");
  /**
   * The most digits a {@link #DATE_LIKE} text holds (four for the year, two each for month and day): a
   * candidate with more is no date, and the pattern is not asked (most candidates are phone, card,
   * SSN or order numbers of 9 digits or more).
   */
  static final int MAX_DATE_DIGITS = 8;
  private static final ContextWords CONTEXT = new ContextWords(List.of(
      "phone", "tel", "telephone", "mobile", "cell", "cellphone", "fax", "call", "called", "calling", "contact", "whatsapp",
      "sms", "text", "message", "messages", "desk", "office", "landline", "dial", "voicemail", "ext",
      "answering", "reach", "ring"), ContextWords.REFERENCE_NUMBER_WORDS);

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  /** libphonenumber's validity answers without its per-call lookups ({@link PhoneValidity}). */
  private final PhoneValidity validity = new PhoneValidity();
  private final List<String> regions;
  /** Whether a North American region is configured: only then are North American layouts phones. */
  private final boolean nanpRegions;
  /** Score of a possible number in a phone layout: masked at the default threshold. */
  static final double LAYOUT_SCORE = 0.6;
  private Matcher matcher;
  private Matcher dateMatcher;
  /** Per country code: its main region when that region can be asked first (see {@link #isValid}), else "". */
  private final Map<Integer, String> mainRegions = new HashMap<>();
  private final Map<String, Optional<NationalNumbers>> nationalNumbers = new HashMap<>();
  private double reportingThreshold = DetectionSettings.DEFAULTS.minConfidence();

  public PhoneDetector(List<String> regions) {
    this.regions = List.copyOf(regions);
    this.nanpRegions = this.regions.stream().anyMatch(PhoneDetector::isNanp);
  }

  @Override
  public void reportingThreshold(double minConfidence) {
    this.reportingThreshold = minConfidence;
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
  public TextGate gate() {
    return TextGate.digits(7);
  }

  @Override
  public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
    if (features.digits() < 7) {
      return;
    }
    int[] clusters = features.numericClusters();
    if (!hasClusterOf(clusters, 7)) {
      return;
    }
    Matcher m = matcher;
    if (m == null) {
      m = matcher = CANDIDATE.matcher(text);
      m.useTransparentBounds(true);
      m.useAnchoringBounds(false);
    } else {
      m.reset(text);
    }
    int foundTo = 0;
    for (int c = 0; c < clusters.length; c += 3) {
      if (clusters[c + 2] < 7) {
        continue;
      }
      // An extension ("x123", "ext. 45") may follow the cluster.
      int from = Math.max(foundTo, clusters[c] - 1);
      int to = Math.min(text.length(), clusters[c + 1] + 16);
      if (longRunAlone(text, clusters, c, to)) {
        continue;
      }
      m.region(from, to);
      while (m.find()) {
        foundTo = m.end();
        String candidate = m.group();
        int digits = RegexDetector.countDigits(candidate);
        if (digits < 7 || digits > 21 || (digits <= MAX_DATE_DIGITS && dateLike(candidate))) {
          continue; // a date is never a phone number, and parsing one costs microseconds
        }
        if (candidate.charAt(0) != '+' && firstLetter(candidate) == candidate.length() && digits > 15) {
          continue; // longer than any E.164 number and no extension: a card or account number
        }
        Finding finding = validate(candidate, m.start(), m.end(), features, context);
        if (finding != null) {
          out.add(finding);
        }
      }
    }
  }

  /**
   * A cluster that is one run of more than 15 digits with no digit after it in its search region (a
   * card or order number standing alone): the only candidate there is the run itself, longer than
   * any E.164 number, with no '+' (the cluster would hold it) and no extension (one ends in digits),
   * which {@link #detect} drops. Skipping it spares the pattern; nothing else in the region can
   * start a candidate.
   */
  static boolean longRunAlone(String text, int[] clusters, int c, int to) {
    int start = clusters[c];
    int end = clusters[c + 1];
    if (clusters[c + 2] <= 15 || end - start != clusters[c + 2]) {
      return false;
    }
    for (int i = end; i < to; i++) {
      char ch = text.charAt(i);
      if (ch >= '0' && ch <= '9') {
        return false;
      }
    }
    return true;
  }

  boolean dateLike(String candidate) {
    if (dateMatcher == null) {
      dateMatcher = DATE_LIKE.matcher(candidate);
      return dateMatcher.matches();
    }
    return dateMatcher.reset(candidate).matches();
  }

  /**
   * Validates one candidate. The cheap shape checks run first and context is looked up only for a
   * candidate that will be reported (most candidates are SSNs, IPs or versions and fail on shape).
   * In order: a valid number (libphonenumber) for a configured region; a possible number in a phone
   * layout ({@link PhoneLayouts}); a grouped or possible number with a phone word near.
   */
  private Finding validate(String candidate, int start, int end, TextFeatures features, DetectionContext context) {
    if (dottedQuad(candidate)) {
      return null; // an IPv4 address, never a phone number
    }
    boolean international = candidate.charAt(0) == '+';
    boolean formatted = international || isFormatted(candidate);
    // Ten bare digits are as often an account or tracking number as a phone: they need context.
    double base = international ? 0.75 : formatted ? 0.65 : 0.4;
    PhoneNumber nanp = null;
    PhoneNumber parsedInternational = null;
    // A North American layout needs no parse for another region: if it is not a valid NANP number it is
    // a possible one, reported below.
    boolean northAmerican = nanpRegions && !international
        && PhoneLayouts.of(candidate.substring(0, firstLetter(candidate)).strip()) == PhoneLayouts.Layout.NORTH_AMERICAN;
    for (String region : international ? List.of("ZZ") : regions) {
      boolean nanpRegion = !international && isNanp(region);
      if (northAmerican && !nanpRegion) {
        continue;
      }
      if (nanpRegion && (!nanpPlausible(candidate) || !groupedLikeNanp(candidate))) {
        continue;
      }
      try {
        PhoneNumber number;
        if (nanpRegion) {
          if (nanp != null) {
            continue; // the same +1 number as for the previous NANP region, already rejected
          }
          number = nanp = nanpNumber(candidate);
        } else {
          number = international ? (internationalNanp(candidate) ? nanpNumber(candidate) : util.parse(candidate, region))
              : national(candidate, region);
          parsedInternational = international ? number : null;
        }
        if (isValid(number) && (international || groupedLikeNational(candidate, number))) {
          String reason = international ? "valid international number" : "valid number for region " + region;
          ContextWords.Support support = CONTEXT.support(features, start, end, context);
          if (support == ContextWords.Support.NONE && CONTEXT.suppressed(features, start, context)) {
            return null; // "ticket 415-555-0123": a reference number that happens to be a valid phone
          }
          return boosted(new Finding(EntityType.PHONE, start, end, base, id(), reason), support);
        }
      } catch (NumberParseException e) {
        // not a number in this region
      }
    }
    Finding laidOut = possibleInLayout(candidate, start, end, parsedInternational, features, context);
    if (laidOut != null) {
      return laidOut;
    }
    boolean possible = possibleBare(candidate);
    if (!formatted && !possible) {
      return null;
    }
    ContextWords.Support support = CONTEXT.support(features, start, end, context);
    if (support == ContextWords.Support.NONE || (!formatted && CONTEXT.suppressed(features, start, context))) {
      // Grouped like a phone number but valid in no configured region and no phone word near.
      return formatted && reportingThreshold <= RegexDetector.SHAPE_ONLY_SCORE ? new Finding(EntityType.PHONE, start,
          end, RegexDetector.SHAPE_ONLY_SCORE, id(), "shape only: phone-shaped number") : null;
    }
    return boosted(new Finding(EntityType.PHONE, start, end, 0.3, id(),
        formatted ? "phone-shaped number" : "possible number"), support);
  }

  /**
   * A number in a layout only phone numbers use, possible (the right length) though assigned to no
   * one, unless a reference-number word stands right before it ("order 342-900-1177") and no phone
   * word vouches for it.
   */
  private Finding possibleInLayout(String candidate, int start, int end, PhoneNumber international,
      TextFeatures features, DetectionContext context) {
    String number = candidate.substring(0, firstLetter(candidate)).strip();
    PhoneLayouts.Layout layout = PhoneLayouts.of(number);
    boolean possible = switch (layout) {
      case INTERNATIONAL -> international != null && util.isPossibleNumber(international);
      case NORTH_AMERICAN -> nanpRegions; // its shape is a possible NANP number already
      case TRUNK_NATIONAL -> true;
      case NONE -> false;
    };
    ContextWords.Support support = possible ? CONTEXT.support(features, start, end, context) : ContextWords.Support.NONE;
    if (!possible || (support == ContextWords.Support.NONE && CONTEXT.suppressed(features, start, context))) {
      return null;
    }
    String reason = switch (layout) {
      case INTERNATIONAL -> "possible number in an international layout";
      case NORTH_AMERICAN -> "possible number in a North American layout";
      default -> "possible national number after a trunk prefix";
    };
    return boosted(new Finding(EntityType.PHONE, start, end, LAYOUT_SCORE, id(), reason), support);
  }

  /**
   * An ungrouped digit run that could be a phone number: ten digits (or eleven after a trunk 1) with
   * North American area and exchange codes, when a North American region is configured, or 9 to 12
   * digits after a trunk 0. Such a run is a phone only with a phone word near.
   */
  private boolean possibleBare(String candidate) {
    String number = candidate.substring(0, firstLetter(candidate)).strip();
    int digits = RegexDetector.countDigits(number);
    if (digits != number.length()) {
      return false;
    }
    if (nanpRegions && nanpPlausible(number)) {
      return true;
    }
    return number.charAt(0) == '0' && number.length() > 1 && number.charAt(1) != '0' && digits >= 9 && digits <= 12;
  }

  /** {@code 127.45.206.31}: four dot-separated groups of at most 255 are an IPv4 address, never a phone. */
  static boolean dottedQuad(String candidate) {
    int groups = 0;
    int value = 0;
    int length = 0;
    for (int i = 0; i <= candidate.length(); i++) {
      char c = i < candidate.length() ? candidate.charAt(i) : '.';
      if (c == '.') {
        if (length == 0 || value > 255 || ++groups > 4) {
          return false;
        }
        value = 0;
        length = 0;
      } else if (c >= '0' && c <= '9' && length < 3) {
        value = value * 10 + (c - '0');
        length++;
      } else {
        return false;
      }
    }
    return groups == 4;
  }

  /**
   * Whether libphonenumber deems the number valid, asking the country code's main region first:
   * {@code isValidNumber} finds the region by trying each region of the country code in order, main
   * region first, and a main region without leading digits that validates the number is the one it
   * picks. So a number valid there is valid, at half the cost (one type check instead of two, the
   * common case for +1 and +44 numbers); any other number gets the full answer.
   */
  private boolean isValid(PhoneNumber number) {
    String main = mainRegions.computeIfAbsent(number.getCountryCode(), PhoneDetector::mainRegionWithoutLeadingDigits);
    if (!main.isEmpty() && validity.isValidNumberForRegion(number, main)) {
      return true;
    }
    return validity.isValidNumber(number);
  }

  /** {@code parse(candidate, region)}, built directly when {@link NationalNumbers} can ({@code parse} costs ~5 us). */
  private PhoneNumber national(String candidate, String region) throws NumberParseException {
    NationalNumbers direct = nationalNumbers.computeIfAbsent(region, r -> Optional.ofNullable(NationalNumbers.forRegion(r)))
        .orElse(null);
    PhoneNumber built = direct == null ? null : direct.number(candidate);
    return built != null ? built : util.parse(candidate, region);
  }

  /** The country code's main region if it has no leading digits (it then comes first and claims by type), else "". */
  static String mainRegionWithoutLeadingDigits(int countryCode) {
    String main = PhoneNumberUtil.getInstance().getRegionCodeForCountryCode(countryCode);
    PhoneMetadata metadata = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(main)
        || "ZZ".equals(main) ? null
        : DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource().getMetadataForRegion(main);
    return metadata == null || metadata.hasLeadingDigits() ? "" : main;
  }

  /**
   * {@code +1} and ten NANP digits ("+1 415 555 2671", "+14155552671 x12"): libphonenumber's parse of
   * such a candidate is country code 1 and those ten digits, built by {@link #nanpNumber} without the
   * parser (PhoneDetectorTest pins the equivalence). Anything else after a "+" is parsed.
   */
  static boolean internationalNanp(String candidate) {
    return candidate.length() > 1 && candidate.charAt(0) == '+' && candidate.charAt(1) == '1' && nanpPlausible(candidate);
  }

  private static boolean isFormatted(String candidate) {
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c == ' ' || c == '-' || c == '(' || c == '.') {
        return true;
      }
    }
    return false;
  }

  private static boolean isNanp(String region) {
    return region.equals("US") || region.equals("CA");
  }

  /**
   * The number libphonenumber's {@code parse(candidate, "US")} (or "CA") returns for a candidate that
   * passed {@link #nanpPlausible}: country code 1 and the last ten digits before any extension.
   * Built directly because parsing costs about 6 us and the answer is already known; validity is
   * still decided by libphonenumber. PhoneDetectorTest pins the equivalence with parse.
   */
  static PhoneNumber nanpNumber(String candidate) {
    long national = 0;
    for (int i = 0, n = firstLetter(candidate); i < n; i++) {
      char c = candidate.charAt(i);
      if (c >= '0' && c <= '9') {
        national = national * 10 + (c - '0');
      }
    }
    // Ten digits, or eleven after the trunk 1: the last ten are the national number.
    return new PhoneNumber().setCountryCode(1).setNationalNumber(national % 10_000_000_000L);
  }

  /**
   * Cheap North American Numbering Plan check before the (slow) parser: for US and CA a national
   * number is ten digits (optionally after a trunk 1) with area and exchange codes starting 2-9.
   * Other regions go to the parser.
   */
  static boolean nanpPlausible(String candidate) {
    char[] digits = new char[11];
    int count = 0;
    for (int i = 0, n = firstLetter(candidate); i < n; i++) {
      char c = candidate.charAt(i);
      if (c >= '0' && c <= '9') {
        if (count == digits.length) {
          return false;
        }
        digits[count++] = c;
      }
    }
    int from = count == 11 && digits[0] == '1' ? 1 : 0;
    return count - from == 10 && digits[from] >= '2' && digits[from + 3] >= '2';
  }

  /** NANP numbers are written 3-3-4 (after an optional trunk 1): any other break is not one. */
  private static boolean groupedLikeNanp(String candidate) {
    int digitsAfter = 0;
    boolean inDigits = false;
    for (int i = firstLetter(candidate) - 1; i >= 0; i--) {
      char c = candidate.charAt(i);
      if (c >= '0' && c <= '9') {
        inDigits = true;
        digitsAfter++;
      } else if (inDigits) {
        inDigits = false;
        // A break before all the digits (a leading "(" or "+") is not a break between groups.
        if (digitsAfter != 4 && digitsAfter != 7 && digitsAfter != 10 && hasDigitBefore(candidate, i)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean hasDigitBefore(String s, int index) {
    for (int i = index - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the candidate's digit groups could be this number as people write it: every break
   * between groups falls where the national format breaks (counted from the end, so a leading trunk
   * or country digit does not matter). "2123 45670 1" is a valid US number but no one writes one so.
   */
  private boolean groupedLikeNational(String candidate, PhoneNumber number) {
    int extension = firstLetter(candidate);
    List<Integer> breaks = breaksFromEnd(candidate.substring(0, extension));
    if (breaks.isEmpty()) {
      return true;
    }
    if (number.getCountryCode() == 1) {
      return true; // checked cheaply by groupedLikeNanp before parsing
    }
    String national = util.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
    int nationalDigits = RegexDetector.countDigits(national);
    List<Integer> allowed = breaksFromEnd(national);
    for (int b : breaks) {
      if (b < nationalDigits && !allowed.contains(b)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasClusterOf(int[] clusters, int digits) {
    for (int c = 2; c < clusters.length; c += 3) {
      if (clusters[c] >= digits) {
        return true;
      }
    }
    return false;
  }

  private static int firstLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
        return i;
      }
    }
    return s.length();
  }

  /** Positions of breaks between digit groups, as the number of digits after each break. */
  private static List<Integer> breaksFromEnd(String s) {
    List<Integer> breaks = new ArrayList<>(4);
    int digitsAfter = 0;
    boolean inDigits = false;
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        inDigits = true;
        digitsAfter++;
      } else if (inDigits) {
        inDigits = false;
        breaks.add(digitsAfter);
      }
    }
    if (!breaks.isEmpty() && breaks.get(breaks.size() - 1) == digitsAfter) {
      breaks.remove(breaks.size() - 1); // a leading "(" or "+" is not a break between groups
    }
    return breaks;
  }

  private static Finding boosted(Finding finding, ContextWords.Support support) {
    return switch (support) {
      case COLUMN -> finding.withScore(finding.score() + ContextWords.COLUMN_BOOST, finding.reason() + "; column name");
      case TEXT -> finding.withScore(finding.score() + ContextWords.TEXT_BOOST, finding.reason() + "; context word");
      case NONE -> finding;
    };
  }
}

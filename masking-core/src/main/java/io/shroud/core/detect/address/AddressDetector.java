package io.shroud.core.detect.address;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US-style street addresses: a house number, an optional direction, one to four capitalised name
 * words (or an ordinal like 5th), a street type (Street, St, Avenue, Ave, Road, Rd, Boulevard, Blvd,
 * Lane, Ln, Drive, Dr, ...) and an optional unit (Apt 4B, Suite 200, #12).
 */
public final class AddressDetector extends RegexDetector {
  private static final String TYPES = "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct"
      + "|Place|Pl|Way|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Alley|Plaza|Crescent";
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w.,-])\\d{1,6}[A-Za-z]?[ \\t]{1,3}(?:[NSEW]\\.?[ \\t]{1,3}|(?:North|South|East|West)[ \\t]{1,3})?"
          + "(?:(?:[A-Z][a-z'\u2019-]{1,24}|\\d{1,3}(?:st|nd|rd|th))[ \\t]{1,3}){1,4}"
          + "(?:" + TYPES + ")\\b\\.?"
          + "(?<unit>,?[ \\t]{0,3}(?:Apt|Apartment|Suite|Ste|Unit|#)\\.?[ \\t]{0,3}#?[A-Za-z0-9-]{1,6}\\b)?");

  public AddressDetector() {
    super("address", EntityType.ADDRESS, CANDIDATE, List.of(
        "address", "live", "lives", "living", "street", "ship", "shipping", "deliver", "delivery", "mailing",
        "residence", "reside", "moved"));
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(1).withLetters(2);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    if (features.digits() < 1 || features.upper() < 2) {
      return false;
    }
    // A house number is followed by a capitalised word (or a direction): "12 Maple", "5 N Main".
    String text = features.text();
    int[] clusters = features.numericClusters();
    for (int c = 0; c < clusters.length; c += 3) {
      int i = clusters[c + 1];
      if (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++; // "12B Baker Street"
      }
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i > clusters[c + 1] && i < text.length() && Character.isUpperCase(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return match.group("unit") != null ? new Score(0.7, "house number, street name, type and unit")
        : new Score(0.55, "house number, street name and type");
  }
}

package io.shroud.core.detect.national;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.check.Checksums;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ABA routing transit numbers: nine digits (or the 4-4-1 dashed form printed on cheques) with a
 * Federal Reserve prefix (00-12, 21-32, 61-72, 80) and the 3-7-1 weighted checksum. One random nine
 * digit number in ten passes the checksum, so the bare form needs context.
 */
public final class AbaRoutingDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])(?:\\d{9}|\\d{4}-\\d{4}-\\d)(?![\\w-])");

  public AbaRoutingDetector() {
    super("aba_routing", EntityType.ABA_ROUTING, CANDIDATE,
        List.of("routing", "aba", "rtn", "transit", "bank", "wire", "ach"));
    digitRun(9);
    digitRunShapes(new int[] {9}, new int[] {4, 4, 1});
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String candidate = match.group();
    String digits = Checksums.digitsOf(candidate);
    int prefix = Integer.parseInt(digits.substring(0, 2));
    boolean prefixOk = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80;
    if (!prefixOk || !Checksums.abaValid(digits)) {
      return null;
    }
    return candidate.length() == 11 ? new Score(0.6, "ABA checksum, dashed routing form")
        : new Score(0.3, "ABA checksum");
  }
}

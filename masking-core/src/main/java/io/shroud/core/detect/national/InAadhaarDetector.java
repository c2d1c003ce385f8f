package io.shroud.core.detect.national;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.check.Checksums;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Indian Aadhaar numbers: twelve digits, first digit 2-9, Verhoeff check digit; written bare or 4-4-4
 * with one kind of separator.
 */
public final class InAadhaarDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w:-])[2-9]\\d{3}([ :-]?)\\d{4}\\1\\d{4}(?![\\w:-])");

  public InAadhaarDetector() {
    super("in_aadhaar", EntityType.IN_AADHAAR, CANDIDATE, new ContextWords(List.of("aadhaar", "aadhar", "uid", "uidai"), ContextWords.REFERENCE_NUMBER_WORDS), false);
    digitRun(12);
    digitRunShapes(new int[] {12}, new int[] {4, 4, 4});
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    if (!Checksums.verhoeffValid(Checksums.digitsOf(match.group()))) {
      return null;
    }
    return match.group(1).isEmpty() ? new Score(0.5, "Verhoeff check valid")
        : new Score(0.6, "Verhoeff check valid, grouped 4-4-4");
  }
}

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
 * A street line written number-last with no street word ({@code Maneeži 75}, {@code Pivovarská 276},
 * {@code 20789 Allika 46}) is a name and a number like any other, except right after words that
 * announce an address: "lives at", "live on", "resides at", "located at", "address:", "address is".
 * There it is one: one to four capitalised words in any script (a plot number may come first), then a
 * house number, or a house number (after a plot number) and capitalised words ({@code 63 Rue de
 * Kairouan}); the line ends there or at a comma or a line break. The town after it is
 * then taken by {@link AddressBlocks}.
 */
public final class CuedStreetDetector extends RegexDetector {
  private static final String NAME = "\\p{Lu}[\\p{L}\\p{M}'\u2019.-]{0,30}";
  private static final String PARTICLE = "(?:d[aeo]s?|de|del|di|du|la|le|les|al|el|van|von)";
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?=[AaLlRr])(?<![\\p{L}])(?i:address(?:[ \\t]+is)?[ \\t]*:?|lives[ \\t]+(?:at|on)|live[ \\t]+(?:at|on)|living[ \\t]+(?:at|on)"
          + "|resides[ \\t]+(?:at|on)|located[ \\t]+(?:at|on))[ \\t]{1,3}"
          + "(?<street>(?:\\d{1,6}[A-Za-z]?[ \\t])?" + NAME + "(?:[ \\t]" + NAME + "){0,3}[ \\t]\\d{1,5}[A-Za-z]?"
          // Number first: "79063 63 Rue de Kairouan", "136 Filadelfeos Str."
          + "|\\d{1,6}[A-Za-z]?(?:[ \\t]\\d{1,6})?[ \\t]" + NAME + "(?:[ \\t](?:" + PARTICLE + "|" + NAME + ")){0,4})"
          + "(?=[ \\t]*(?:,|\\n|\\r|$))");
  private static final String[] CUE_WORDS = {"address", "lives", "live", "living", "resides", "located"};
  private static final int[][] CUE_RUNS = new int[CUE_WORDS.length][];

  static {
    for (int i = 0; i < CUE_WORDS.length; i++) {
      CUE_RUNS[i] = TextFeatures.wordRunHashes(CUE_WORDS[i]);
    }
  }

  public CuedStreetDetector() {
    super("address_cued", EntityType.ADDRESS, CANDIDATE, List.of());
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(1).withLetters(1);
  }

  /** From the first cue word to the end of the text: the street follows its cue. */
  private final int[] window = new int[2];

  @Override
  protected boolean mayContain(TextFeatures features) {
    if (features.digits() < 1 || features.upper() < 1) {
      return false;
    }
    int first = Integer.MAX_VALUE;
    for (int i = 0; i < CUE_RUNS.length; i++) {
      if (features.mayContainWholeWord(CUE_RUNS[i])) {
        int at = features.lowerText().indexOf(CUE_WORDS[i]);
        if (at >= 0) {
          first = Math.min(first, at);
        }
      }
    }
    window[0] = first;
    window[1] = features.length();
    return first != Integer.MAX_VALUE;
  }

  @Override
  protected int[] searchWindow(TextFeatures features) {
    return window;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return new Score(0.6, "street name and house number after an address cue", match.start("street"),
        match.end("street"));
  }
}

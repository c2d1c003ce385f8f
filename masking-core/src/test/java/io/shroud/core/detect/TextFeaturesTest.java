package io.shroud.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.scan.DetectorCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {
  private static boolean wholeWord(String text, String word) {
    return TextFeatures.of(text).mayContainWholeWord(TextFeatures.wordRunHashes(word));
  }

  @Test
  void wordFilterKeepsWholeWordsAndPhrasesInAnyCase() {
    assertThat(wholeWord("Date of Birth: 1990-01-02", "date of birth")).isTrue();
    assertThat(wholeWord("call me on 555", "call")).isTrue();
    assertThat(wholeWord("SSN#078-05-1120", "ssn")).isTrue();
    assertThat(wholeWord("v6 address", "v")).isTrue(); // a digit ends the letter run
    assertThat(wholeWord("Téléphone: 01 23", "téléphone")).isTrue();
  }

  @Test
  void wordFilterRulesOutWordsThatOnlyOccurInsideLongerWords() {
    assertThat(wholeWord("my birthday party", "birth")).isFalse();
    assertThat(wholeWord("recalled the order", "call")).isFalse();
    assertThat(wholeWord("no context here", "passport")).isFalse();
  }

  @Test
  void oneFilterTestForAWordListRulesOutOnlyTextsWhereNoWordCanStand() {
    String[] vocabulary = {"phone", "call", "ssn", "date of birth", "tel", "card", "iban", "mobile", "zip", "v",
        "passport", "routing number", "dob", "fax", "order", "ticket"};
    Random random = new Random(29);
    int ruledOut = 0;
    for (int i = 0; i < 20_000; i++) {
      int[][] runs = new int[1 + random.nextInt(4)][];
      for (int w = 0; w < runs.length; w++) {
        runs[w] = TextFeatures.wordRunHashes(vocabulary[random.nextInt(vocabulary.length)]);
      }
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(6); k > 0; k--) {
        text.append(vocabulary[random.nextInt(vocabulary.length)].toUpperCase(java.util.Locale.ROOT)).append(random.nextBoolean() ? " 12 " : "-x ");
      }
      TextFeatures features = TextFeatures.of(text.toString());
      boolean any = false;
      for (int[] r : runs) {
        any |= features.mayContainWholeWord(r);
      }
      boolean one = features.mayContainAnyWholeWord(TextFeatures.firstRunBits(runs));
      if (any) {
        assertThat(one).as(text.toString()).isTrue();
      }
      ruledOut += one ? 0 : 1;
    }
    assertThat(ruledOut).isGreaterThan(2_000);
    assertThat(TextFeatures.firstRunBits(new int[][] {TextFeatures.wordRunHashes("#1")})).as("no letters").isNull();
    assertThat(TextFeatures.of("anything").mayContainAnyWholeWord(null)).isTrue();
  }

  @Test
  void digitRunsAreMatchedAsConsecutiveMaximalRuns() {
    int[][] ssn = {{9}, {3, 2, 4}};
    assertThat(TextFeatures.hasDigitRuns("123-45-6789", 0, 11, ssn)).isTrue();
    assertThat(TextFeatures.hasDigitRuns("1-123-45-6789", 0, 13, ssn)).isTrue();
    assertThat(TextFeatures.hasDigitRuns("123456789", 0, 9, ssn)).isTrue();
    assertThat(TextFeatures.hasDigitRuns("4111 1111 1111 1111", 0, 19, ssn)).isFalse();
    assertThat(TextFeatures.hasDigitRuns("1234567890", 0, 10, ssn)).isFalse();
    assertThat(TextFeatures.hasDigitRuns("123-45-678", 0, 10, ssn)).isFalse();
  }

  @Test
  void digitRunLengthsAreTheSetOfMaximalRunLengths() {
    assertThat(TextFeatures.of("078-05-1120").digitRunLengths()).isEqualTo((1L << 3) | (1L << 2) | (1L << 4));
    assertThat(TextFeatures.of("7601186476768159").digitRunLengths()).isEqualTo(1L << 16);
    assertThat(TextFeatures.of("no digits here").digitRunLengths()).isZero();
    assertThat(TextFeatures.of("a1b22c").digitRunLengths()).isEqualTo((1L << 1) | (1L << 2));
    assertThat(TextFeatures.of("x" + "9".repeat(80) + " 12").digitRunLengths()).isEqualTo((1L << 63) | (1L << 2));
    assertThat(TextFeatures.of("٣٤٥ 12").digitRunLengths()).as("ASCII digits only").isEqualTo(1L << 2);
    Random random = new Random(23);
    String alphabet = "0123456789-. (a+";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) {
        sb.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('0' + random.nextInt(10)));
      }
      String text = sb.toString();
      long expected = 0;
      Matcher runs = java.util.regex.Pattern.compile("[0-9]+").matcher(text);
      while (runs.find()) {
        expected |= 1L << Math.min(runs.end() - runs.start(), 63);
      }
      assertThat(TextFeatures.of(text).digitRunLengths()).as(text).isEqualTo(expected);
    }
  }

  /**
   * A detector that declares digit-run shapes skips texts without the shapes' run lengths before
   * asking {@code clusterMayMatch}, so it must not override that method with a looser test.
   */
  @Test
  void detectorsDeclaringShapesKeepTheDefaultClusterCheck() {
    for (Detector d : DetectorCatalog.standard(DetectionSettings.DEFAULTS)) {
      if (!(d instanceof RegexDetector r) || r.runShapes() == null) {
        continue;
      }
      for (Class<?> c = d.getClass(); c != RegexDetector.class; c = c.getSuperclass()) {
        assertThat(java.util.Arrays.stream(c.getDeclaredMethods()).map(java.lang.reflect.Method::getName))
            .as(d.id()).doesNotContain("clusterMayMatch");
      }
    }
  }

  /**
   * The declared shapes of every numeric detector must cover its pattern: wherever the pattern
   * matches, the numeric cluster holding the match has one of the shapes. Otherwise the shape
   * prefilter would silently drop findings.
   */
  @Test
  void declaredDigitRunShapesCoverEveryMatchOfTheirPattern() {
    Random random = new Random(17);
    List<String> texts = new ArrayList<>();
    String separators = "- .:/";
    for (int i = 0; i < 30_000; i++) {
      StringBuilder sb = new StringBuilder(random.nextBoolean() ? "id " : "");
      int groups = 1 + random.nextInt(4);
      char sep = separators.charAt(random.nextInt(separators.length()));
      for (int g = 0; g < groups; g++) {
        if (g > 0) {
          sb.append(random.nextInt(6) == 0 ? separators.charAt(random.nextInt(separators.length())) : sep);
        }
        int length = 1 + random.nextInt(random.nextBoolean() ? 5 : 13);
        for (int d = 0; d < length; d++) {
          sb.append((char) ('0' + random.nextInt(10)));
        }
      }
      sb.append(random.nextBoolean() ? " ok" : "");
      texts.add(sb.toString());
    }
    int checkedDetectors = 0;
    long checkedMatches = 0;
    for (Detector d : DetectorCatalog.standard(DetectionSettings.DEFAULTS)) {
      if (!(d instanceof RegexDetector r) || r.runShapes() == null) {
        continue;
      }
      checkedDetectors++;
      for (String text : texts) {
        int[] clusters = TextFeatures.of(text).numericClusters();
        Matcher m = r.pattern().matcher(text);
        while (m.find()) {
          checkedMatches++;
          int c = clusterHolding(clusters, m.start(), m.end());
          assertThat(c).as(d.id() + " match in a cluster: " + text).isGreaterThanOrEqualTo(0);
          assertThat(TextFeatures.hasDigitRuns(text, clusters[c], clusters[c + 1], r.runShapes()))
              .as(d.id() + " shapes cover " + text).isTrue();
          assertThat(r.shapeLengthsPresent(TextFeatures.of(text))).as(d.id() + " run lengths of " + text).isTrue();
        }
      }
    }
    assertThat(checkedDetectors).isEqualTo(11);
    assertThat(checkedMatches).isGreaterThan(10_000);
  }

  private static int clusterHolding(int[] clusters, int start, int end) {
    for (int c = 0; c < clusters.length; c += 3) {
      if (clusters[c] <= start && end <= clusters[c + 1]) {
        return c;
      }
    }
    return -1;
  }
}

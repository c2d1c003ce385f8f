package io.shroud.core.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.NerSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Cells built to make detectors backtrack or loop (1 MB of digits, {@code a@a@a@…}, runs of '-',
 * spaces and dots, ...) take time in proportion to their size: no more than a generous factor of
 * what ordinary prose of the same size takes with the same scanner. Relative bounds only, never a
 * wall-clock limit; the best of two runs of each, after a warm-up, so a busy machine does not decide.
 */
class PathologicalCellsTest {
  static final int MB = 1 << 20;
  static final String PROSE = "Please call me about the refund for order 1234 when you get the chance; the parcel "
      + "arrived late and the box was damaged. ";

  /**
   * Ordinary prose whose sentences differ (the order number counts up from {@code firstOrder}): the
   * NER pipeline replays a sentence it has seen before in the task, so one sentence repeated would be
   * a baseline far cheaper than any real text of the same size.
   */
  static String prose(int length, int firstOrder) {
    StringBuilder b = new StringBuilder(length + PROSE.length());
    for (int order = firstOrder; b.length() < length; order++) {
      b.append(PROSE.replace("1234", Integer.toString(order)));
    }
    b.setLength(length);
    return b.toString();
  }

  static String repeat(String unit, int length) {
    StringBuilder b = new StringBuilder(length + unit.length());
    while (b.length() < length) {
      b.append(unit);
    }
    b.setLength(length);
    return b.toString();
  }

  static Map<String, IntFunction<String>> pathological() {
    Map<String, IntFunction<String>> cells = new LinkedHashMap<>();
    cells.put("digits", n -> repeat("1234567890", n));
    cells.put("a@a@a@", n -> repeat("a@", n));
    cells.put("a@a.a@a.", n -> repeat("a@a.", n));
    cells.put("dashes", n -> repeat("-", n));
    cells.put("spaces", n -> repeat(" ", n));
    cells.put("dots", n -> repeat(".", n));
    cells.put("1-1-1-", n -> repeat("1-", n));
    cells.put("1 1 1 ", n -> repeat("1 ", n));
    cells.put("1.1.1.", n -> repeat("1.", n));
    cells.put("+1 (+1 (", n -> repeat("+1 (", n));
    cells.put("one letter", n -> repeat("A", n));
    cells.put("http://a", n -> repeat("http://a", n));
    cells.put("-----BEGIN ", n -> repeat("-----BEGIN ", n));
    cells.put("eyJhbGciOi.", n -> repeat("eyJhbGciOi.", n));
    cells.put("a:a:a:", n -> repeat("a:", n));
    return cells;
  }

  static long timed(TextScanner scanner, String text) {
    long start = System.nanoTime();
    scanner.scan(text, DetectionContext.forColumn("notes"));
    return System.nanoTime() - start;
  }

  static long bestOfTwo(TextScanner scanner, String text) {
    return Math.min(timed(scanner, text), timed(scanner, text));
  }

  static void assertLinear(TextScanner scanner, int size, double factor) {
    scanner.scan(prose(size / 4, 1_000), DetectionContext.NONE);
    // Each timed prose run is text the scanner has not seen: scanning the same prose twice would replay
    // every sentence the second time, a baseline far cheaper than real text (and than the first run).
    long prose = Math.min(timed(scanner, prose(size, 100_000)), timed(scanner, prose(size, 200_000)));
    Map<String, Double> ratios = new LinkedHashMap<>();
    pathological().forEach((name, cell) -> ratios.put(name, bestOfTwo(scanner, cell.apply(size)) / (double) prose));
    assertThat(ratios).as("time relative to %d characters of prose (%.0f ms)", size, prose / 1e6)
        .allSatisfy((name, ratio) -> assertThat(ratio).as(name).isLessThan(factor));
  }

  @Test
  void patternDetectorsTakeLinearTimeOnOneMegabyteCells() {
    DetectionSettings d = DetectionSettings.DEFAULTS;
    DetectionSettings noNer = d.withNer(new NerSettings(false, 0.5, true));
    assertLinear(TextScanner.standard(noNer), MB, 10);
  }

  @Test
  void nerTakesLinearTimeOnPathologicalCells() {
    assertLinear(TextScanner.standard(DetectionSettings.DEFAULTS), MB / 8, 5);
  }
}

package io.shroud.core.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanMemoTest {
  private final TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED));
  private final DetectionContext notes = DetectionContext.forColumn("notes");
  private final DetectionContext phone = DetectionContext.forColumn("phone");

  @Test
  void aRepeatedTextGetsTheFindingsOfAFreshScanPerColumn() {
    ScanMemo memo = new ScanMemo(scanner);
    String text = "Call me on 415-555-0100 or mail jo@example.com, ssn 078-05-1120.";
    List<Finding> first = memo.scan(text, notes);
    assertThat(first).isNotEmpty().isEqualTo(scanner.scan(text, notes));
    assertThat(memo.chars()).as("a text seen once is not held").isZero();
    assertThat(memo.scan(text, notes)).isEqualTo(first);
    assertThat(memo.chars()).as("held from its second sighting").isEqualTo(text.length());
    assertThat(memo.scan(text, notes)).isEqualTo(first);
    assertThat(memo.hitRate()).isEqualTo(1.0 / 3);
    // the column name is context: the same digits are a phone in a phone column only
    String digits = "4155550100";
    assertThat(memo.scan(digits, notes)).isEqualTo(scanner.scan(digits, notes)).isEmpty();
    assertThat(memo.scan(digits, phone)).isEqualTo(scanner.scan(digits, phone)).isNotEmpty();
  }

  @Test
  void aColumnWhoseValuesDoNotRepeatStopsBeingRemembered() {
    ScanMemo memo = new ScanMemo(scanner);
    for (int i = 1; i < ScanMemo.PROBATION / 2; i++) {
      memo.scan("order " + i + " shipped", notes);
      memo.scan("order " + i + " shipped", notes); // seen twice, so held, but never asked for again
    }
    assertThat(memo.chars()).isGreaterThan(0);
    assertThat(memo.hitRate()).isZero();
    memo.scan("order -1 shipped", notes);
    memo.scan("order -1 shipped", notes); // the lookup that ends probation: under 5% hits, so off
    assertThat(memo.chars()).isZero();
    assertThat(memo.scan("order 7 shipped", notes)).isEqualTo(scanner.scan("order 7 shipped", notes));
    assertThat(memo.chars()).isZero();
  }

  @Test
  void memoryIsBoundedAndLongTextsAreNeverHeld() {
    ScanMemo memo = new ScanMemo(scanner);
    String filler = "x".repeat(ScanMemo.MAX_TEXT - 8);
    for (int i = 0; memo.chars() + ScanMemo.MAX_TEXT <= ScanMemo.MAX_CHARS; i++) {
      memo.scan(filler + String.format("%08d", i), notes);
      memo.scan(filler + String.format("%08d", i), notes); // held from here
      memo.scan(filler + String.format("%08d", i), notes); // hits keep the column remembered
    }
    long full = memo.chars();
    memo.scan(filler + "-extra-1", notes);
    memo.scan(filler + "-extra-1", notes);
    assertThat(memo.chars()).isEqualTo(full).isLessThanOrEqualTo(ScanMemo.MAX_CHARS);
    ScanMemo other = new ScanMemo(scanner);
    other.scan("y".repeat(ScanMemo.MAX_TEXT + 1), notes);
    assertThat(other.chars()).isZero();
  }
}

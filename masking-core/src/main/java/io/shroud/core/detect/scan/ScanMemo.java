package io.shroud.core.detect.scan;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the findings of texts already scanned in one column, so a value that repeats (a chat's
 * system prompt, a templated reply, "No action needed.") is scanned twice per task instead of once
 * per row: a text is held from its second sighting, so values seen once never fill the map.
 * Detection is a pure function of the text and its column, so a remembered answer is the answer. Bounded by the characters it holds, and it switches itself off in a column whose values
 * do not repeat (where it would only cost a lookup per cell). Lives as long as the task that built
 * it; values never leave the JVM. Not thread-safe: one per task, like the scanner.
 */
public final class ScanMemo {
  /** Longer texts are scanned every time: they rarely repeat and would crowd out the short ones. */
  static final int MAX_TEXT = 2_048;
  /** Characters held over all columns (about 8 MB of heap at most). */
  static final long MAX_CHARS = 4_000_000;
  /** Lookups after which a column whose hit rate is under {@link #MIN_HIT_RATE} stops being remembered. */
  static final int PROBATION = 20_000;
  static final double MIN_HIT_RATE = 0.05;
  /** Slots of the per-column record of texts seen once (32 KB a column). */
  static final int ADMISSION_SLOTS = 1 << 13;

  private final TextScanner scanner;
  private final Map<DetectionContext, Column> columns = new HashMap<>();
  private long chars;

  public ScanMemo(TextScanner scanner) {
    this.scanner = scanner;
  }

  /** {@code scanner.scan(text, context)}, from memory when this column saw the same text before. */
  public List<Finding> scan(String text, DetectionContext context) {
    if (text == null || text.length() > MAX_TEXT) {
      return scanner.scan(text, context);
    }
    Column column = columns.computeIfAbsent(context, c -> new Column());
    if (column.off) {
      return scanner.scan(text, context);
    }
    column.lookups++;
    List<Finding> known = column.findings.get(text);
    if (known != null) {
      column.hits++;
      return known;
    }
    List<Finding> found = List.copyOf(scanner.scan(text, context));
    if (column.lookups >= PROBATION && column.hits < MIN_HIT_RATE * column.lookups) {
      column.off = true; // values here do not repeat: stop paying for the memory
      chars -= column.chars;
      column.findings.clear();
    } else if (column.seenBefore(text) && chars + text.length() <= MAX_CHARS) {
      column.findings.put(text, found);
      column.chars += text.length();
      chars += text.length();
    }
    return found;
  }

  /** Characters of text held now, over all columns. */
  long chars() {
    return chars;
  }

  /** Share of lookups answered from memory, over all columns (for benchmarks and notes). */
  public double hitRate() {
    long lookups = 0;
    long hits = 0;
    for (Column c : columns.values()) {
      lookups += c.lookups;
      hits += c.hits;
    }
    return lookups == 0 ? 0 : (double) hits / lookups;
  }

  private static final class Column {
    /**
     * Hashes of texts seen once, one per slot: a text is held from its second sighting on, so a
     * column of mostly unique values (notes with an order number in each) keeps a small map of the
     * ones that repeat, cheap to look up, instead of filling memory with texts never asked again.
     */
    final int[] seenOnce = new int[ADMISSION_SLOTS];
    final Map<String, List<Finding>> findings = new HashMap<>();
    long lookups;
    long hits;
    long chars;
    boolean off;

    /** Whether the text's hash was seen before in its slot; remembers it otherwise. */
    boolean seenBefore(String text) {
      int hash = text.hashCode();
      int slot = (hash ^ (hash >>> 13)) & (ADMISSION_SLOTS - 1);
      if (seenOnce[slot] == hash) {
        return true;
      }
      seenOnce[slot] = hash;
      return false;
    }
  }
}

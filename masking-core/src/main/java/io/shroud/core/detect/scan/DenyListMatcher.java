package io.shroud.core.detect.scan;

import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds the policy's deny-list values in a text: every occurrence, case-sensitive, where it stands alone
 * (not inside a longer word or number), reported at confidence 1.0 as its type. A few values are looked
 * for one by one ({@code indexOf}); beyond {@link #ONE_BY_ONE_MAX}, one pass of an Aho-Corasick automaton
 * finds them all: one by one, 1,000 names cost ~13 us per 64-character note and 10,000 ~150 us (more than
 * all detectors together), the automaton ~0.4 us whatever their number (docs/benchmarks.md, issue 16).
 *
 * <p>Immutable once built; one per scanner.
 */
final class DenyListMatcher {
  static final String DETECTOR_ID = "deny_list";
  /** Up to this many values, {@code indexOf} per value is cheaper than the automaton (0.1 against 0.36 us at 10). */
  static final int ONE_BY_ONE_MAX = 32;
  private static final Comparator<Finding> TEXT_ORDER = Comparator.comparingInt(Finding::start)
      .thenComparingInt(Finding::end);

  private final Map<String, EntityType> values;
  /** The values in a fixed order, for the one-by-one search. */
  private final List<String> ordered;
  private final Trie trie;

  DenyListMatcher(Map<String, EntityType> values) {
    this(values, ONE_BY_ONE_MAX);
  }

  /** {@code oneByOneMax}: the most values searched one by one (tests compare both ways). */
  DenyListMatcher(Map<String, EntityType> values, int oneByOneMax) {
    this.values = Map.copyOf(values);
    this.ordered = this.values.keySet().stream().sorted().toList();
    this.trie = values.size() > oneByOneMax ? Trie.builder().addKeywords(ordered).build() : null;
  }

  /** Adds the findings in {@code text} to {@code out}, in text order, offsets shifted by {@code offset}. */
  void find(String text, int offset, List<Finding> out) {
    if (values.isEmpty()) {
      return;
    }
    List<Finding> found = new ArrayList<>(0);
    if (trie == null) {
      for (String value : ordered) {
        for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
          add(text, at, at + value.length(), value, offset, found);
        }
      }
    } else {
      for (Emit emit : trie.parseText(text)) {
        add(text, emit.getStart(), emit.getEnd() + 1, emit.getKeyword(), offset, found); // Emit's end is inclusive
      }
    }
    found.sort(TEXT_ORDER);
    out.addAll(found);
  }

  private void add(String text, int start, int end, String value, int offset, List<Finding> out) {
    if (standsAlone(text, start, end)) {
      out.add(new Finding(values.get(value), start + offset, end + offset, 1.0, DETECTOR_ID, "deny-list value"));
    }
  }

  private static boolean standsAlone(String text, int start, int end) {
    boolean before = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1))
        || !Character.isLetterOrDigit(text.charAt(start));
    boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
        || !Character.isLetterOrDigit(text.charAt(end - 1));
    return before && after;
  }
}

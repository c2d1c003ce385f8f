package io.shroud.core.utility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What masking took out of one text: the original's tokens that did not survive, and their
 * characters. Tokens are aligned by a longest common subsequence, so the words around a masked
 * span count as kept; within a run of changed tokens, characters the masked text still has at the
 * same place (a prefix such as {@code email:}, or the last four digits a partial mask kept) count
 * as kept too. Only counts leave this class.
 */
public final class TextDiff {
  /** Above this many token pairs the alignment falls back to common leading and trailing tokens. */
  private static final long MAX_CELLS = 250_000;
  private static final Pattern LABEL = Pattern.compile("<([A-Z][A-Z0-9_]*)>");

  private TextDiff() {}

  /**
   * Counts for one text.
   *
   * @param tokens tokens of the original
   * @param tokensMasked tokens of the original that did not survive unchanged
   * @param characters non-whitespace characters of the original
   * @param charactersMasked of those, characters not found at the same place in the masked text
   */
  public record Change(int tokens, int tokensMasked, int characters, int charactersMasked) {}

  public static Change of(String before, String after) {
    String[] b = split(before);
    int characters = 0;
    for (String token : b) {
      characters += token.length();
    }
    if (before.equals(after)) {
      return new Change(b.length, 0, characters, 0);
    }
    String[] a = split(after == null ? "" : after);
    boolean[] keptB = new boolean[b.length];
    boolean[] keptA = new boolean[a.length];
    align(b, a, keptB, keptA);
    int tokensMasked = 0;
    int charactersMasked = 0;
    int i = 0;
    int j = 0;
    while (i < b.length || j < a.length) {
      if (i < b.length && j < a.length && keptB[i] && keptA[j]) {
        i++;
        j++;
        continue;
      }
      StringBuilder removed = new StringBuilder();
      StringBuilder inserted = new StringBuilder();
      while (i < b.length && !keptB[i]) {
        removed.append(b[i++]);
        tokensMasked++;
      }
      while (j < a.length && !keptA[j]) {
        inserted.append(a[j++]);
      }
      charactersMasked += removed.length() - shared(removed, inserted);
    }
    return new Change(b.length, tokensMasked, characters, charactersMasked);
  }

  /** Shroud's {@code <TYPE>} labels in a masked text that its original did not have, per type. */
  public static Map<String, Integer> newLabels(String before, String after) {
    Map<String, Integer> counts = labels(after);
    labels(before == null ? "" : before).forEach((type, n) -> counts.computeIfPresent(type, (t, m) -> m > n ? m - n : null));
    return counts;
  }

  /** {@code <TYPE>} labels in a text, per type. */
  public static Map<String, Integer> labels(String text) {
    Map<String, Integer> counts = new TreeMap<>();
    if (text == null) {
      return counts;
    }
    Matcher m = LABEL.matcher(text);
    while (m.find()) {
      counts.merge(m.group(1), 1, Integer::sum);
    }
    return counts;
  }

  private static String[] split(String text) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
      if (space && start >= 0) {
        tokens.add(text.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return tokens.toArray(new String[0]);
  }

  /** Marks the tokens of a longest common subsequence (common ends only, for very long texts). */
  private static void align(String[] b, String[] a, boolean[] keptB, boolean[] keptA) {
    int start = 0;
    while (start < b.length && start < a.length && b[start].equals(a[start])) {
      keptB[start] = keptA[start] = true;
      start++;
    }
    int endB = b.length;
    int endA = a.length;
    while (endB > start && endA > start && b[endB - 1].equals(a[endA - 1])) {
      keptB[--endB] = keptA[--endA] = true;
    }
    int n = endB - start;
    int m = endA - start;
    if (n == 0 || m == 0 || (long) n * m > MAX_CELLS) {
      return;
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int x = n - 1; x >= 0; x--) {
      for (int y = m - 1; y >= 0; y--) {
        lcs[x][y] = b[start + x].equals(a[start + y]) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
      }
    }
    List<int[]> pairs = new ArrayList<>();
    int x = 0;
    int y = 0;
    while (x < n && y < m) {
      if (b[start + x].equals(a[start + y])) {
        pairs.add(new int[] {start + x, start + y});
        x++;
        y++;
      } else if (lcs[x + 1][y] >= lcs[x][y + 1]) {
        x++;
      } else {
        y++;
      }
    }
    for (int[] p : pairs) {
      keptB[p[0]] = keptA[p[1]] = true;
    }
  }

  /** Characters shared at the start and the end of a removed and an inserted run (not overlapping). */
  private static int shared(CharSequence removed, CharSequence inserted) {
    int limit = Math.min(removed.length(), inserted.length());
    int prefix = 0;
    while (prefix < limit && removed.charAt(prefix) == inserted.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < limit - prefix
        && removed.charAt(removed.length() - 1 - suffix) == inserted.charAt(inserted.length() - 1 - suffix)) {
      suffix++;
    }
    return prefix + suffix;
  }
}

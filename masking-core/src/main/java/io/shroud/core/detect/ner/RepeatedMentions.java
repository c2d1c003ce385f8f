package io.shroud.core.detect.ner;

import io.shroud.core.detect.EntityType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Once "Maria Lopez" is found, later "Maria", "Lopez" or "Ms. Lopez" in the same text are the same
 * person even where a sentence alone gives too little evidence. Collects the capitalised tokens
 * while sentences are tagged, then reports those equal to a part of a found name.
 */
final class RepeatedMentions {
  /** What separates the parts of a found name ("Lopez, Maria"); compiled once, not per text. */
  private static final Pattern NAME_PARTS = Pattern.compile("[\\s,]+");
  private int[] spans = new int[64];
  private int count;

  void clear() {
    count = 0;
    if (spans.length > 1 << 16) {
      spans = new int[64]; // do not keep a huge cell's buffer alive
    }
  }

  /** Capitalised tokens collected so far (a start/end pair each). */
  int count() {
    return count / 2;
  }

  /** Start ({@code end == false}) or end of the i-th capitalised token. */
  int bound(int i, boolean end) {
    return spans[2 * i + (end ? 1 : 0)];
  }

  void capitalisedToken(int start, int end) {
    if (count + 2 > spans.length) {
      spans = Arrays.copyOf(spans, spans.length * 2);
    }
    spans[count++] = start;
    spans[count++] = end;
  }

  void addLaterMentions(String text, List<NerDetector.Mention> mentions, Gazetteer gazetteer, double threshold) {
    Map<String, Double> nameParts = new HashMap<>();
    for (NerDetector.Mention m : mentions) {
      if (!m.type().equals(EntityType.PERSON)) {
        continue;
      }
      for (String part : NAME_PARTS.split(text.substring(m.start(), m.end()))) {
        String lower = part.toLowerCase(Locale.ROOT);
        int flags = gazetteer.flags(lower);
        if (part.length() > 2 && Character.isUpperCase(part.codePointAt(0)) && !part.endsWith(".")
            && (flags & (Gazetteer.COMMON | Gazetteer.FUNCTION_WORD | Gazetteer.TITLE)) == 0) {
          nameParts.merge(part, m.score(), Math::max);
        }
      }
    }
    if (nameParts.isEmpty()) {
      return;
    }
    mentions.sort(Comparator.comparingInt(NerDetector.Mention::start));
    int existing = mentions.size();
    int lastEnd = -1;
    for (int i = 0; i < count; i += 2) {
      int start = spans[i];
      int end = spans[i + 1];
      Double source = nameParts.get(text.substring(start, end));
      if (source == null || covered(mentions, existing, start, end)) {
        continue;
      }
      double score = Math.max(threshold, source * 0.9);
      int last = mentions.size() - 1;
      if (last >= existing && lastEnd >= 0 && start - lastEnd == 1 && text.charAt(lastEnd) == ' ') {
        NerDetector.Mention previous = mentions.get(last); // "Maria Lopez" again: one span, not two
        mentions.set(last, new NerDetector.Mention(EntityType.PERSON, previous.start(), end, previous.score(),
            previous.reason()));
      } else {
        mentions.add(new NerDetector.Mention(EntityType.PERSON, start, end, score,
            "ner person, repeated mention of a found name, confidence " + TwoDecimals.of(score)));
      }
      lastEnd = end;
    }
  }

  /** Whether [start, end) overlaps one of the first {@code existing} mentions (sorted by start). */
  private static boolean covered(List<NerDetector.Mention> mentions, int existing, int start, int end) {
    int lo = 0;
    int hi = existing - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      NerDetector.Mention m = mentions.get(mid);
      if (m.end() <= start) {
        lo = mid + 1;
      } else if (m.start() >= end) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }
}

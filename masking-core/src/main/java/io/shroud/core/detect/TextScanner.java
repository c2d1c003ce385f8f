package io.shroud.core.detect;

import io.shroud.core.policy.DetectionSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every detector over a text, drops findings below the confidence threshold and resolves
 * overlaps: when one span contains another the larger wins; equal spans go to the higher score.
 * Not thread-safe: build one per task.
 */
public final class TextScanner {
  private static final Comparator<Finding> PRIORITY = Comparator
      .comparingInt(Finding::length).reversed()
      .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
      .thenComparingInt(Finding::start)
      .thenComparing(f -> f.type().name());

  private final List<Detector> detectors;
  private final double minConfidence;
  private final int maxChunk;

  public TextScanner(List<Detector> detectors, double minConfidence) {
    this(detectors, minConfidence, 1 << 20);
  }

  /**
   * @param maxChunk texts longer than this are scanned in overlapping chunks so no single regex run
   *     sees more than about this many characters
   */
  public TextScanner(List<Detector> detectors, double minConfidence, int maxChunk) {
    this.detectors = List.copyOf(detectors);
    this.minConfidence = minConfidence;
    this.maxChunk = maxChunk;
  }

  public static TextScanner standard(DetectionSettings settings) {
    return new TextScanner(DetectorCatalog.standard(settings), settings.minConfidence());
  }

  /** Findings in text order, non-overlapping. */
  public List<Finding> scan(String text, DetectionContext context) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Finding> candidates = new ArrayList<>();
    if (text.length() <= maxChunk) {
      collect(text, 0, context, candidates);
    } else {
      scanChunked(text, context, candidates);
    }
    return resolve(candidates);
  }

  private void collect(String text, int offset, DetectionContext context, List<Finding> out) {
    List<Finding> raw = new ArrayList<>();
    for (Detector detector : detectors) {
      detector.detect(text, context, raw);
    }
    for (Finding f : raw) {
      if (f.score() >= minConfidence) {
        out.add(offset == 0 ? f
            : new Finding(f.type(), f.start() + offset, f.end() + offset, f.score(), f.detectorId(), f.reason()));
      }
    }
  }

  /** Chunks overlap by 1 KiB so an entity on a boundary is seen whole in one of them. */
  private void scanChunked(String text, DetectionContext context, List<Finding> out) {
    int overlap = 1024;
    for (int start = 0; start < text.length(); start += maxChunk - overlap) {
      int end = Math.min(text.length(), start + maxChunk);
      collect(text.substring(start, end), start, context, out);
      if (end == text.length()) {
        break;
      }
    }
  }

  static List<Finding> resolve(List<Finding> candidates) {
    if (candidates.size() <= 1) {
      return candidates;
    }
    List<Finding> byPriority = new ArrayList<>(candidates);
    byPriority.sort(PRIORITY);
    List<Finding> kept = new ArrayList<>();
    for (Finding candidate : byPriority) {
      boolean clash = false;
      for (Finding k : kept) {
        if (k.overlaps(candidate)) {
          clash = true;
          break;
        }
      }
      if (!clash) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingInt(Finding::start));
    return kept;
  }
}

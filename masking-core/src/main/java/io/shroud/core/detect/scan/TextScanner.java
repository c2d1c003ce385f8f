package io.shroud.core.detect.scan;

import io.shroud.core.detect.CustomDetectorSpec;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.ScanOptions;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.address.AddressBlocks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every detector over a text, drops findings below the confidence threshold and resolves
 * overlaps: when one span contains another the larger wins; equal spans go to the higher score.
 * Address findings grow over the rest of their postal address block first ({@link AddressBlocks}).
 * Allow-listed values are never reported; deny-listed values always are. Text features are computed
 * once per text and shared by all detectors. Not thread-safe: build one per task.
 */
public final class TextScanner {
  private static final Comparator<Finding> PRIORITY = Comparator
      .comparingInt(Finding::length).reversed()
      .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
      .thenComparingInt(Finding::start)
      .thenComparing(f -> f.type().name());

  private final Detector[] detectors;
  /** Each detector's gate, asked once: the detector runs only on texts its gate admits. */
  private final TextGate[] gates;
  private final double minConfidence;
  private final int maxChunk;
  private final ScanOptions options;
  private final DenyListMatcher denyList;
  private final List<Finding> raw = new ArrayList<>();

  public TextScanner(List<Detector> detectors, double minConfidence) {
    this(detectors, minConfidence, 1 << 20);
  }

  /**
   * @param maxChunk texts longer than this are scanned in overlapping chunks so no single regex run
   *     sees more than about this many characters
   */
  public TextScanner(List<Detector> detectors, double minConfidence, int maxChunk) {
    this(detectors, minConfidence, maxChunk, ScanOptions.NONE);
  }

  /** Detectors plus the custom detectors, allow list and deny list of {@code options}. */
  public TextScanner(List<Detector> detectors, double minConfidence, int maxChunk, ScanOptions options) {
    List<Detector> all = new ArrayList<>(detectors);
    for (CustomDetectorSpec spec : options.customDetectors()) {
      all.add(spec.toDetector());
    }
    this.detectors = all.toArray(Detector[]::new);
    this.gates = new TextGate[this.detectors.length];
    for (int i = 0; i < this.detectors.length; i++) {
      this.detectors[i].reportingThreshold(minConfidence);
      gates[i] = this.detectors[i].gate();
    }
    this.minConfidence = minConfidence;
    this.maxChunk = maxChunk;
    this.options = options;
    this.denyList = new DenyListMatcher(options.denyList());
  }

  /** The full built-in catalogue. */
  public static TextScanner standard(DetectionSettings settings) {
    return create(settings, settings.scanOptions());
  }

  /** The built-in catalogue plus {@code extra} detectors (remote services), with the policy's lists. */
  public static TextScanner standard(DetectionSettings settings, List<Detector> extra) {
    List<Detector> all = new ArrayList<>(DetectorCatalog.standard(settings));
    all.addAll(extra);
    return new TextScanner(all, settings.minConfidence(), 1 << 20, settings.scanOptions());
  }

  /** The full built-in catalogue plus the policy's custom detectors, allow list and deny list. */
  public static TextScanner create(DetectionSettings settings, ScanOptions options) {
    return new TextScanner(DetectorCatalog.standard(settings), settings.minConfidence(), 1 << 20, options);
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
    TextFeatures features = TextFeatures.of(text);
    raw.clear();
    for (int i = 0; i < detectors.length; i++) {
      if (gates[i].admits(features)) {
        detectors[i].detect(text, features, context, raw);
      }
    }
    AddressBlocks.extend(text, raw, minConfidence);
    for (Finding f : raw) {
      if (f.score() >= minConfidence && !allowListed(text, f)) {
        out.add(offset == 0 ? f
            : new Finding(f.type(), f.start() + offset, f.end() + offset, f.score(), f.detectorId(), f.reason()));
      }
    }
    raw.clear();
    denyList.find(text, offset, out);
  }

  private boolean allowListed(String text, Finding f) {
    return !options.allowList().isEmpty() && options.allowList().contains(text.substring(f.start(), f.end()));
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
    // Kept spans never overlap, so the one starting last at or before a candidate's end is the only one
    // that can clash with it: a sorted map makes each check logarithmic (NER may report thousands).
    TreeMap<Integer, Finding> kept = new TreeMap<>();
    for (Finding candidate : byPriority) {
      Map.Entry<Integer, Finding> before = kept.lowerEntry(candidate.end());
      if (before == null || before.getValue().end() <= candidate.start()) {
        kept.put(candidate.start(), candidate);
      }
    }
    return new ArrayList<>(kept.values());
  }
}

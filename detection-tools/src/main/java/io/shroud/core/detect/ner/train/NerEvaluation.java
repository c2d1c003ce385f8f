package io.shroud.core.detect.ner.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.ner.Gazetteer;
import io.shroud.core.detect.ner.NerDetector;
import io.shroud.core.detect.scan.TextScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Span-level precision, recall and F1 of the NER detector per type, on presidio-research's
 * synth_dataset_v2 (never trained on) and on held-out generated sentences (templates and names not
 * used in training); plus overall PII recall of the whole catalogue on the synth set.
 *
 * <p>Label mapping for synth_dataset_v2: PERSON → PERSON; GPE and LOCATION → LOCATION;
 * ORGANIZATION → ORGANIZATION. STREET_ADDRESS is not a LOCATION label: addresses are the address
 * detector's job (they count in overall recall), and NER findings inside a labelled street address
 * (a city in an address) are ignored rather than counted as false positives. Overall recall counts
 * every labelled span of a personal-data label (all but DATE_TIME, TITLE, AGE and NRP, which Shroud
 * does not mask in free text) as found when any finding of any type overlaps it: that text is masked.
 */
public final class NerEvaluation {
  /** A text with labelled spans. */
  public record Labelled(String text, List<Label> labels) {}

  public record Label(String label, int start, int end) {
    boolean overlaps(int s, int e) {
      return start < e && s < end;
    }
  }

  static final Map<String, EntityType> SYNTH_LABELS = Map.of(
      "PERSON", EntityType.PERSON, "GPE", EntityType.LOCATION, "LOCATION", EntityType.LOCATION,
      "ORGANIZATION", EntityType.ORGANIZATION, "NRP", EntityType.NRP);
  static final Set<String> IGNORED_INSIDE = Set.of("STREET_ADDRESS");
  static final Set<String> NOT_PII = Set.of("DATE_TIME", "TITLE", "AGE", "NRP");
  public static final List<EntityType> TYPES = List.of(EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION,
      EntityType.USERNAME, EntityType.NRP);
  public static final long HELD_OUT_SEED = 7L;

  private NerEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path synth = Path.of(args.length > 0 ? args[0]
        : "masking-core/src/test/resources/conformance/presidio/synth_dataset_v2.json");
    int heldOutSamples = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    double threshold = args.length > 2 ? Double.parseDouble(args[2]) : NerSettings.DEFAULTS.threshold();
    List<Labelled> synthSet;
    try (InputStream in = Files.newInputStream(synth)) {
      synthSet = loadSynth(in);
    }
    NerDetector ner = new NerDetector(threshold);
    System.out.printf(Locale.ROOT, "NER threshold %.2f%n", threshold);
    System.out.printf(Locale.ROOT, "synth_dataset_v2 (%d sentences), NER detector alone:%n", synthSet.size());
    print(score(synthSet, ner(ner), SYNTH_LABELS));
    NameLists lists = NameLists.fromDatafaker();
    List<Labelled> heldOut = heldOut(lists, heldOutSamples);
    System.out.printf(Locale.ROOT, "held-out generated texts (%d; unseen templates and names), NER alone:%n",
        heldOut.size());
    Gazetteer.hide(lists.heldOutLowerCase());
    try {
      print(score(heldOut, ner(new NerDetector(threshold)), identityLabels()));
    } finally {
      Gazetteer.hide(Set.of());
    }
    TextScanner all = TextScanner.standard(DetectionSettings.DEFAULTS.withNer(new NerSettings(true, threshold, true)));
    Function<String, List<Finding>> catalogue = text -> all.scan(text, DetectionContext.NONE);
    informal(lists, heldOutSamples, threshold, catalogue);
    printRecall("synth_dataset_v2, whole catalogue with NER: overall PII recall", overallRecall(synthSet, catalogue));
    recallByLabel(synthSet, catalogue).forEach((label, s) -> System.out.printf(Locale.ROOT,
        "    %-18s recall %.3f (%d of %d)%n", label, s.recall(), s.goldMatched(), s.gold()));
    TextScanner typedOnly = TextScanner.standard(DetectionSettings.DEFAULTS.withNer(new NerSettings(true, threshold, false)));
    printRecall("synth_dataset_v2, whole catalogue with NER, unknownProperNouns off: overall PII recall",
        overallRecall(synthSet, text -> typedOnly.scan(text, DetectionContext.NONE)));
    TextScanner patternsOnly = TextScanner.standard(DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED));
    printRecall("synth_dataset_v2, pattern catalogue without NER: overall PII recall",
        overallRecall(synthSet, text -> patternsOnly.scan(text, DetectionContext.NONE)));
  }

  /**
   * Chat and social-media texts from held-out informal templates (handles, hashtags, slang, emoji, names
   * in lower and upper case): NER alone per type, then the whole catalogue's recall per label and its
   * over-masking (share of words outside every labelled span that some finding covers). Twice: with the
   * shipped dictionaries (which hold most real first names), and with the held-out names hidden.
   */
  static void informal(NameLists lists, int count, double threshold, Function<String, List<Finding>> catalogue) {
    List<Labelled> informal = informalSet(lists, count);
    for (boolean hidden : new boolean[] {false, true}) {
      System.out.printf(Locale.ROOT, "informal held-out texts (%d), names %s, NER alone:%n", informal.size(),
          hidden ? "hidden from the dictionaries" : "as the dictionaries know them");
      if (hidden) {
        Gazetteer.hide(lists.heldOutLowerCase());
      }
      try {
        print(score(informal, ner(new NerDetector(threshold, true)), identityLabels()));
        TextScanner all = TextScanner.standard(DetectionSettings.DEFAULTS.withNer(new NerSettings(true, threshold, true)));
        Function<String, List<Finding>> scan = text -> all.scan(text, DetectionContext.NONE);
        recallByLabel(informal, scan).forEach((label, sc) -> System.out.printf(Locale.ROOT,
            "    whole catalogue: %-12s recall %.3f (%d of %d)%n", label, sc.recall(), sc.goldMatched(), sc.gold()));
        double[] over = overMasking(informal, scan);
        System.out.printf(Locale.ROOT, "    whole catalogue: ordinary words masked %.4f (%d of %d)%n", over[0] / over[1],
            (long) over[0], (long) over[1]);
      } finally {
        Gazetteer.hide(Set.of());
      }
    }
  }

  public static List<Labelled> informalSet(NameLists lists, int count) {
    List<Labelled> result = new ArrayList<>();
    for (NerCorpus.Sample sample : NerCorpus.informal(lists, true, HELD_OUT_SEED).generate(count)) {
      List<Label> labels = new ArrayList<>();
      for (NerCorpus.Entity e : sample.entities()) {
        labels.add(new Label(e.type().name(), e.start(), e.end()));
      }
      result.add(new Labelled(sample.text(), labels));
    }
    return result;
  }

  /**
   * Over-masking of ordinary words: of the words (letter runs) lying outside every labelled span, the
   * share that some finding covers. {masked, words}.
   */
  public static double[] overMasking(List<Labelled> texts, Function<String, List<Finding>> scanner) {
    long words = 0;
    long masked = 0;
    Matcher word = Pattern.compile("\\p{L}+").matcher("");
    for (Labelled text : texts) {
      List<Finding> findings = scanner.apply(text.text());
      word.reset(text.text());
      while (word.find()) {
        int s = word.start();
        int e = word.end();
        if (text.labels().stream().anyMatch(l -> l.overlaps(s, e))) {
          continue;
        }
        words++;
        if (findings.stream().anyMatch(f -> f.start() < e && s < f.end())) {
          masked++;
          if (VERBOSE) {
            System.out.printf("OVER [%s] in: %s%n", text.text().substring(s, e), oneLine(text.text()));
          }
        }
      }
    }
    return new double[] {masked, words};
  }

  private static void printRecall(String what, SpanScore s) {
    System.out.printf(Locale.ROOT, "%s %.3f (%d of %d labelled spans)%n", what, s.recall(), s.goldMatched(), s.gold());
  }

  private static void print(Map<EntityType, SpanScore> scores) {
    scores.forEach((type, s) -> System.out.printf(Locale.ROOT, "  %-13s %s%n", type, s));
  }

  public static Function<String, List<Finding>> ner(NerDetector detector) {
    return text -> {
      List<Finding> out = new ArrayList<>();
      detector.detect(text, TextFeatures.of(text), DetectionContext.NONE, out);
      return out;
    };
  }

  static Map<String, EntityType> identityLabels() {
    Map<String, EntityType> labels = new LinkedHashMap<>();
    TYPES.forEach(t -> labels.put(t.name(), t));
    return labels;
  }

  public static List<Labelled> loadSynth(InputStream in) throws IOException {
    List<Labelled> result = new ArrayList<>();
    for (JsonNode record : new ObjectMapper().readTree(in)) {
      List<Label> labels = new ArrayList<>();
      for (JsonNode span : record.get("spans")) {
        labels.add(new Label(span.get("entity_type").asText(), span.get("start_position").asInt(),
            span.get("end_position").asInt()));
      }
      result.add(new Labelled(record.get("full_text").asText(), labels));
    }
    return result;
  }

  /** Texts from the held-out templates with held-out names and places only. */
  public static List<Labelled> heldOut(NameLists lists, int count) {
    List<Labelled> result = new ArrayList<>();
    for (NerCorpus.Sample sample : new NerCorpus(lists, true, HELD_OUT_SEED).generate(count)) {
      List<Label> labels = new ArrayList<>();
      for (NerCorpus.Entity e : sample.entities()) {
        labels.add(new Label(e.type().name(), e.start(), e.end()));
      }
      result.add(new Labelled(sample.text(), labels));
    }
    return result;
  }

  /** Per NER type, with {@code labelMap} mapping data-set labels to Shroud types. */
  public static Map<EntityType, SpanScore> score(List<Labelled> texts, Function<String, List<Finding>> detector,
      Map<String, EntityType> labelMap) {
    Map<EntityType, SpanScore> scores = new LinkedHashMap<>();
    TYPES.forEach(t -> scores.put(t, new SpanScore(0, 0, 0, 0)));
    for (Labelled text : texts) {
      List<Finding> findings = detector.apply(text.text());
      for (EntityType type : TYPES) {
        List<Label> gold = text.labels().stream().filter(l -> type.equals(labelMap.get(l.label()))).toList();
        int goldMatched = 0;
        for (Label l : gold) {
          if (findings.stream().anyMatch(f -> f.type().equals(type) && l.overlaps(f.start(), f.end()))) {
            goldMatched++;
          }
        }
        int predicted = 0;
        int predictedMatched = 0;
        for (Finding f : findings) {
          if (!f.type().equals(type)) {
            continue;
          }
          if (gold.stream().anyMatch(l -> l.overlaps(f.start(), f.end()))) {
            predicted++;
            predictedMatched++;
          } else if (text.labels().stream().noneMatch(
              l -> IGNORED_INSIDE.contains(l.label()) && l.overlaps(f.start(), f.end()))) {
            predicted++;
          }
        }
        scores.merge(type, new SpanScore(gold.size(), goldMatched, predicted, predictedMatched), SpanScore::plus);
        if (VERBOSE) {
          explain(text, type, gold, findings);
        }
      }
    }
    return scores;
  }

  /** -Dshroud.ner.eval.verbose=true prints each miss and false alarm (evaluation data only, never run data). */
  private static final boolean VERBOSE = Boolean.getBoolean("shroud.ner.eval.verbose");

  private static void explain(Labelled text, EntityType type, List<Label> gold, List<Finding> findings) {
    for (Label l : gold) {
      if (findings.stream().noneMatch(f -> f.type().equals(type) && l.overlaps(f.start(), f.end()))) {
        System.out.printf("FN %s [%s] in: %s%n", type, text.text().substring(l.start(), l.end()), oneLine(text.text()));
      }
    }
    for (Finding f : findings) {
      if (f.type().equals(type) && gold.stream().noneMatch(l -> l.overlaps(f.start(), f.end()))) {
        System.out.printf("FP %s [%s] %s in: %s%n", type, text.text().substring(f.start(), f.end()), f.reason(),
            oneLine(text.text()));
      }
    }
  }

  private static String oneLine(String text) {
    String flat = text.replace('\n', ' ');
    return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
  }

  /** Labelled personal-data spans overlapped by any finding. */
  public static SpanScore overallRecall(List<Labelled> texts, Function<String, List<Finding>> scanner) {
    return recallByLabel(texts, scanner).values().stream().reduce(new SpanScore(0, 0, 0, 0), SpanScore::plus);
  }

  /** {@link #overallRecall} per data-set label (precision is not measured: counts are for recall). */
  public static Map<String, SpanScore> recallByLabel(List<Labelled> texts, Function<String, List<Finding>> scanner) {
    Map<String, SpanScore> byLabel = new TreeMap<>();
    for (Labelled text : texts) {
      List<Finding> findings = scanner.apply(text.text());
      for (Label l : text.labels()) {
        if (NOT_PII.contains(l.label())) {
          continue;
        }
        int hit = findings.stream().anyMatch(f -> l.overlaps(f.start(), f.end())) ? 1 : 0;
        if (hit == 0 && VERBOSE) {
          System.out.printf("MISS %s [%s] in: %s%n", l.label(), text.text().substring(l.start(), l.end()),
              oneLine(text.text()));
        }
        byLabel.merge(l.label(), new SpanScore(1, hit, 0, 0), SpanScore::plus);
      }
    }
    return byLabel;
  }
}

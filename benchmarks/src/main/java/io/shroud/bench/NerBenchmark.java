package io.shroud.bench;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.ner.NerDetector;
import io.shroud.core.detect.ner.Segmenter;
import io.shroud.core.detect.ner.train.NameLists;
import io.shroud.core.detect.ner.train.NerCorpus;
import io.shroud.core.detect.scan.TextScanner;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread throughput of the NER detector alone and of the whole detector set (patterns plus
 * NER, through TextScanner) in sentences per second, i.e. per core. Input: one-sentence texts, half
 * from the held-out NER templates (names, places, organizations) and half plain support-note sentences
 * without names, as free-text columns mostly are. Usage: {@code NerBenchmark [SENTENCES] [SECONDS]}.
 */
public final class NerBenchmark {
  private static final String[] PLAIN = {
      "Customer asked about the status of order %d, it is in transit.",
      "Refund of $%d approved after the package arrived damaged, ticket closed.",
      "The app version 4.%d.0 crashes on start after the latest update.",
      "hi, I can't log in since yesterday, the reset link says expired",
      "Invoice %d was paid twice, please reverse the duplicate charge.",
      "Delivery window moved to Thursday between 9 and 12, no further action.",
      "Printer model X%d keeps jamming on duplex jobs; sent the troubleshooting guide.",
      "Thanks for waiting! Your replacement unit ships tomorrow.",
  };

  private NerBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    List<String> sentences = sentences(count);
    // A fresh detector (and scanner) per pass: each remembers the sentences of its task (SentenceMemo),
    // so a detector reused across passes would answer from memory and measure lookups, not tagging.
    List<Finding> sink = new ArrayList<>();
    Runnable nerPass = () -> {
      NerDetector ner = new NerDetector(NerSettings.DEFAULTS.threshold());
      for (String s : sentences) {
        sink.clear();
        ner.detect(s, TextFeatures.of(s), DetectionContext.NONE, sink);
      }
    };
    Runnable allPass = () -> {
      TextScanner all = TextScanner.standard(DetectionSettings.DEFAULTS);
      for (String s : sentences) {
        all.scan(s, DetectionContext.NONE);
      }
    };
    Runnable patternPass = () -> {
      TextScanner patterns = TextScanner.standard(DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED));
      for (String s : sentences) {
        patterns.scan(s, DetectionContext.NONE);
      }
    };
    Runnable segmentPass = () -> {
      Segmenter segmenter = new Segmenter();
      for (String s : sentences) {
        segmenter.segment(s, (tokens, starts, ends) -> { });
      }
    };
    System.out.printf(Locale.ROOT, "%d sentences, mean %.0f characters, one thread, best of 3 rounds%n",
        sentences.size(), sentences.stream().mapToInt(String::length).average().orElse(0));
    for (Runnable pass : List.of(nerPass, allPass, patternPass, segmentPass)) {
      pass.run(); // warm-up: JIT and lazy model loading
    }
    report("NER detector alone", nerPass, sentences.size(), seconds);
    report("  of which sentence split + tokens", segmentPass, sentences.size(), seconds);
    report("pattern catalogue without NER", patternPass, sentences.size(), seconds);
    report("full detector set (patterns + NER)", allPass, sentences.size(), seconds);
  }

  static List<String> sentences(int count) {
    List<String> result = new ArrayList<>(count);
    List<NerCorpus.Sample> named = new NerCorpus(NameLists.fromDatafaker(), true, 11L).generate(count / 2);
    for (int i = 0; i < count; i++) {
      result.add(i % 2 == 0 && i / 2 < named.size() ? named.get(i / 2).text()
          : String.format(Locale.ROOT, PLAIN[i % PLAIN.length], 1000 + i));
    }
    return result;
  }

  /**
   * Per CPU-second of the measuring thread (the per-core figure, robust on a shared machine) and per
   * wall-clock second, best of three rounds; and the bytes the thread allocated per sentence, which
   * unlike time does not move with the machine's load (the lowest round: fresh detectors each pass).
   */
  private static void report(String what, Runnable pass, int sentences, double seconds) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double bestCpu = 0;
    double bestWall = 0;
    double leastBytes = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      long a0 = threads.getCurrentThreadAllocatedBytes();
      long passes = 0;
      do {
        pass.run();
        passes++;
      } while ((System.nanoTime() - t0) / 1e9 < seconds / 3);
      bestWall = Math.max(bestWall, passes * sentences / ((System.nanoTime() - t0) / 1e9));
      bestCpu = Math.max(bestCpu, passes * sentences / ((threads.getCurrentThreadCpuTime() - c0) / 1e9));
      leastBytes = Math.min(leastBytes, (threads.getCurrentThreadAllocatedBytes() - a0) / (double) (passes * sentences));
    }
    System.out.printf(Locale.ROOT, "  %-36s %,10.0f sentences per CPU-second  (%,.0f per wall second, %,.0f bytes"
        + " allocated per sentence)%n", what, bestCpu, bestWall, leastBytes);
  }
}

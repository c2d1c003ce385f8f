package io.shroud.core.detect.bench;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.scan.ColumnProfiler;
import io.shroud.core.detect.scan.DetectorCatalog;
import io.shroud.core.detect.scan.TextScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput of the full catalogue on one thread (so the result is per core): MB/s of realistic
 * free text (support notes) and rows/s of column profiling. A main class, not a test, so timing
 * never makes the build flaky. Run:
 * {@code java -cp "$ner_cp" io.shroud.core.detect.bench.DetectionBenchmark [seconds]} after
 * {@code source scripts/lib/ner-classpath.sh}; add
 * {@code -Dshroud.bench.ner=false} to time the pattern catalogue alone (NER is on by default and
 * dominates the cost).
 */
public final class DetectionBenchmark {
  private DetectionBenchmark() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    String file = System.getProperty("shroud.bench.notes");
    List<String> notes = file == null ? SupportNotes.generate(20_000, 42) : readNotes(file);
    long chars = notes.stream().mapToLong(String::length).sum();
    System.out.printf("corpus: %d notes, mean %.1f chars%n", notes.size(), (double) chars / notes.size());

    DetectionSettings settings = Boolean.parseBoolean(System.getProperty("shroud.bench.ner", "true"))
        ? DetectionSettings.DEFAULTS : DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED);
    TextScanner scanner = TextScanner.standard(settings);
    DetectionContext context = DetectionContext.forColumn("support_note");
    // Warm-up as long as the timed part (at least 5 rounds): on a busy machine the JIT compiler
    // threads get little CPU, and timing half-compiled code would measure the compiler, not the scan.
    long warmUntil = System.nanoTime() + (long) (seconds * 1e9);
    for (int round = 0; round < 5 || System.nanoTime() < warmUntil; round++) {
      run(scanner, notes, context, 1);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long scanned = 0;
    long findings = 0;
    while (System.nanoTime() - start < seconds * 1e9) {
      long[] r = run(scanner, notes, context, 1);
      scanned += r[0];
      findings += r[1];
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    // Text is counted as UTF-8 bytes; the corpus is ASCII, so bytes equal characters. CPU time of
    // this thread is the per-core figure; wall time also counts time the machine gave to others.
    System.out.printf("free text: %.1f MB per CPU-second (%.1f MB/s wall, %.0f notes per CPU-second), findings per note %.3f%n",
        scanned / cpu / 1e6, scanned / elapsed / 1e6, scanned / cpu / (chars / (double) notes.size()),
        findings / (double) (scanned / (chars / (double) notes.size())));

    if (args.length > 1 && args[1].equals("--per-detector")) {
      perDetector(notes, context); // after the timed run, so the detectors are compiled
    }

    ColumnProfiler profiler = new ColumnProfiler(scanner, 0.6);
    List<String> emails = new ArrayList<>();
    List<String> plans = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      emails.add("user" + i + "@example.com");
      plans.add(i % 3 == 0 ? "basic" : "enterprise");
      names.add(i % 2 == 0 ? "Sofia Wei" : "Liam O'Brien");
    }
    for (int i = 0; i < 3; i++) {
      profiler.profile("email", emails);
    }
    cpuStart = threads.getCurrentThreadCpuTime();
    start = System.nanoTime();
    long rows = 0;
    while (System.nanoTime() - start < seconds * 1e9) {
      profiler.profile("email", emails);
      profiler.profile("plan", plans);
      profiler.profile("full_name", names);
      profiler.profile("support_note", notes.subList(0, 1000));
      rows += 4000;
    }
    cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf("column profiling: %.0f values per CPU-second (mixed e-mail, plan, name and note columns)%n",
        rows / cpu);
  }

  /** One text per line of a UTF-8 file ({@code -Dshroud.bench.notes=FILE}): time another corpus than the generated notes. */
  private static List<String> readNotes(String file) {
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the notes file " + file, e);
    }
  }

  /**
   * Microseconds per note spent in each detector, timed inside a normal scan (all detectors on one
   * note in turn, so the text stays in cache as in production), after warm-up. Each timing includes
   * the cost of reading the clock (printed as "clock"), and features are timed separately.
   */
  private static void perDetector(List<String> notes, DetectionContext context) {
    List<Detector> detectors =
        DetectorCatalog.standard(DetectionSettings.DEFAULTS);
    List<Finding> sink = new ArrayList<>();
    long[] nanos = new long[detectors.size() + 2];
    for (int round = 0; round < 10; round++) {
      Arrays.fill(nanos, 0);
      for (String note : notes) {
        long t = System.nanoTime();
        TextFeatures f = TextFeatures.of(note);
        f.lowerText();
        f.numericClusters();
        long u = System.nanoTime();
        nanos[detectors.size()] += u - t;
        for (int d = 0; d < detectors.size(); d++) {
          t = System.nanoTime();
          detectors.get(d).detect(note, f, context, sink);
          u = System.nanoTime();
          nanos[d] += u - t;
        }
        sink.clear();
        t = System.nanoTime();
        nanos[detectors.size() + 1] += System.nanoTime() - t;
      }
    }
    double total = 0;
    for (int d = 0; d < detectors.size() + 2; d++) {
      String name = d < detectors.size() ? detectors.get(d).id() : d == detectors.size() ? "features" : "clock";
      double us = nanos[d] / 1e3 / notes.size();
      total += d <= detectors.size() ? us : 0;
      System.out.printf("  %-24s %.3f us/note%n", name, us);
    }
    System.out.printf("  %-24s %.3f us/note%n", "sum", total);
  }

  private static long[] run(TextScanner scanner, List<String> notes, DetectionContext context, int rounds) {
    long chars = 0;
    long findings = 0;
    for (int round = 0; round < rounds; round++) {
      for (String note : notes) {
        findings += scanner.scan(note, context).size();
        chars += note.length();
      }
    }
    return new long[] {chars, findings};
  }
}

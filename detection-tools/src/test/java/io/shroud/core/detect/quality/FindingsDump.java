package io.shroud.core.detect.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.bench.SupportNotes;
import io.shroud.core.detect.ner.train.NameLists;
import io.shroud.core.detect.ner.train.NerCorpus;
import io.shroud.core.detect.scan.TextScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Proof tool for speed work: runs the default detector set over a fixed corpus of about 60,000 texts
 * and cells (synth_dataset_v2 as written, lower-cased and upper-cased; held-out and training-style NER
 * texts; support notes; the decoy corpus with its column names; Presidio's recognizer cases; the
 * repository's sample customers and chat transcripts) and writes every finding — type, offsets,
 * score, detector and reason — one line per text. A change meant to be behaviour-neutral must leave
 * the printed SHA-256 unchanged; {@code diff} of two dumps shows what moved. Not a test: it takes
 * minutes, and the texts it writes are synthetic or public test data.
 *
 * <p>Usage: {@code FindingsDump OUT_FILE [REPO_ROOT]}
 */
public final class FindingsDump {
  private FindingsDump() {}

  record Item(String text, String column) {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Path repo = Path.of(args.length > 1 ? args[1] : ".");
    List<Item> items = corpus(repo);
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long findings = 0;
    long chars = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = threads.getCurrentThreadCpuTime();
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      for (int i = 0; i < items.size(); i++) {
        Item item = items.get(i);
        chars += item.text().length();
        DetectionContext context = item.column() == null ? DetectionContext.NONE : DetectionContext.forColumn(item.column());
        StringBuilder line = new StringBuilder().append(i);
        for (Finding f : scanner.scan(item.text(), context)) {
          findings++;
          line.append(String.format(Locale.ROOT, " | %s %d-%d %.6f %s %s", f.type(), f.start(), f.end(), f.score(),
              f.detectorId(), f.reason()));
        }
        String s = line.toString();
        w.println(s);
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
    System.out.printf(Locale.ROOT, "texts %,d, characters %,d, findings %,d, %.1f s wall, %.1f CPU-s (%.3f MB per CPU-second,"
        + " first pass, JIT warm-up included)%n", items.size(), chars, findings, seconds, cpu, chars / 1e6 / cpu);
    System.out.println("sha256 " + HexFormat.of().formatHex(sha.digest()));
  }

  static List<Item> corpus(Path repo) throws IOException {
    List<Item> items = new ArrayList<>();
    for (SynthDataset.Sentence s : SynthDataset.load()) {
      items.add(new Item(s.text(), null));
      items.add(new Item(s.text().toLowerCase(Locale.ROOT), null));
      items.add(new Item(s.text().toUpperCase(Locale.ROOT), null));
    }
    NameLists names = NameLists.fromDatafaker();
    for (NerCorpus.Sample s : new NerCorpus(names, true, 7L).generate(3_000)) {
      items.add(new Item(s.text(), null));
    }
    for (NerCorpus.Sample s : new NerCorpus(names, false, 99L).generate(6_000)) {
      items.add(new Item(s.text(), null));
    }
    for (String note : SupportNotes.generate(10_000, 5L)) {
      items.add(new Item(note, null));
    }
    for (DecoyCorpus.Sample s : new DecoyCorpus(3L).generate(20_000)) {
      items.add(new Item(s.text(), s.column()));
    }
    for (String table : PresidioCases.SUPPORTED.keySet().stream().sorted().toList()) {
      for (PresidioCases.Case c : PresidioCases.load(table)) {
        items.add(new Item(c.text(), null));
      }
    }
    Path customers = repo.resolve("samples/customers.csv");
    if (Files.exists(customers)) {
      for (String line : Files.readAllLines(customers, StandardCharsets.UTF_8)) {
        items.add(new Item(line, "support_note"));
      }
    }
    Path chats = repo.resolve("samples/chats.jsonl");
    if (Files.exists(chats)) {
      ObjectMapper json = new ObjectMapper();
      for (String line : Files.readAllLines(chats, StandardCharsets.UTF_8)) {
        for (JsonNode m : json.readTree(line).path("messages")) {
          items.add(new Item(m.path("content").asText(), "content"));
        }
      }
    }
    return items;
  }
}

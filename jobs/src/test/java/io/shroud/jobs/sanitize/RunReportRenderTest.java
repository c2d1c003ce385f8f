package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shroud.jobs.SparkTestSupport.CliResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run report of a real local run, rendered by headless Chromium: the DOM has the column table,
 * the chart and the utility section (histograms, categories, text, correlation heat maps), and the
 * screenshot shows the chart's bars and the utility charts' before/after bars. The same for the page
 * {@code shroud compare} writes. {@code .ci/run} installs Debian's chromium and
 * sets SHROUD_REQUIRE_CHROMIUM=1, so in CI a missing browser fails the test instead of skipping it.
 */
class RunReportRenderTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path tmp;

  @Test
  void theReportRendersWithItsTableAndChart() throws Exception {
    boolean required = "1".equals(System.getenv("SHROUD_REQUIRE_CHROMIUM"));
    if (required) {
      assertThat(CHROMIUM).as("chromium is required (SHROUD_REQUIRE_CHROMIUM=1)").isExecutable();
    }
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");

    Path out = tmp.resolve("out");
    CliResult result = run("sanitize", "--config", repoRoot().resolve("conf/local-sample.yaml").toString(),
        "--input", repoRoot().resolve("samples/customers.csv").toString(), "--output", out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    Path report;
    try (Stream<Path> files = Files.list(Path.of(out + "_audit"))) {
      report = files.filter(p -> p.getFileName().toString().startsWith("report-")).findFirst().orElseThrow();
    }

    String dom = chromium("--dump-dom", report.toUri().toString());
    assertThat(dom).contains("<table id=\"columns\">").contains("<svg id=\"chart\"");
    assertThat(count(dom, "<tr>")).isGreaterThanOrEqualTo(14); // header + 13 columns
    assertThat(count(dom, "<rect ")).isGreaterThanOrEqualTo(4);
    assertThat(dom).contains("<section id=\"utility\">", "<table id=\"utility-columns\">", "<table id=\"utility-text\">",
        "<svg class=\"histogram\"", "id=\"utility-categories\"", "<table id=\"utility-dates\">");
    assertThat(count(dom, "fill=\"#4c78a8\"")).as("before bars").isGreaterThanOrEqualTo(20);
    assertThat(count(dom, "fill=\"#f58518\"")).as("after bars").isGreaterThanOrEqualTo(20);

    Pixels pixels = screenshot(report, "report.png");
    assertThat(pixels.chartBars()).as("chart bars drawn").isGreaterThan(1000);
    assertThat(pixels.dark()).as("text drawn").isGreaterThan(5000);
    assertThat(pixels.before()).as("utility: before bars drawn").isGreaterThan(500);
    assertThat(pixels.after()).as("utility: after bars drawn").isGreaterThan(500);

    Path compare = tmp.resolve("compare");
    CliResult compared = run("compare", "--before", repoRoot().resolve("samples/customers.csv").toString(), "--after",
        out.toString(), "--report", compare.toString());
    assertThat(compared.exitCode()).as(compared.err()).isZero();
    String page = chromium("--dump-dom", compare.resolve("report.html").toUri().toString());
    assertThat(page).contains("<h1>Shroud compare</h1>", "<section id=\"utility\">", "<svg class=\"histogram\"");
    Pixels comparePixels = screenshot(compare.resolve("report.html"), "compare.png");
    assertThat(comparePixels.before()).as("compare: before bars drawn").isGreaterThan(500);
    assertThat(comparePixels.after()).as("compare: after bars drawn").isGreaterThan(500);
  }

  /** Pixels of the findings chart's red, the utility charts' blue (before) and orange (after), and of text. */
  private record Pixels(long chartBars, long before, long after, long dark) {}

  private Pixels screenshot(Path page, String name) throws IOException, InterruptedException {
    Path png = tmp.resolve(name);
    chromium("--screenshot=" + png, "--window-size=1280,8000", page.toUri().toString());
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    long bars = 0;
    long before = 0;
    long after = 0;
    long dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        bars += near(r, g, b, 0xc0, 0x39, 0x2b) ? 1 : 0;
        before += near(r, g, b, 0x4c, 0x78, 0xa8) ? 1 : 0;
        after += near(r, g, b, 0xf5, 0x85, 0x18) ? 1 : 0;
        dark += r < 80 && g < 80 && b < 80 ? 1 : 0;
      }
    }
    return new Pixels(bars, before, after, dark);
  }

  private static boolean near(int r, int g, int b, int wr, int wg, int wb) {
    return Math.abs(r - wr) < 12 && Math.abs(g - wg) < 12 && Math.abs(b - wb) < 12;
  }

  private String chromium(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + tmp.resolve("profile")));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(tmp.resolve("chromium.err").toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish");
    }
    assertThat(process.exitValue()).as(Files.readString(tmp.resolve("chromium.err"))).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}

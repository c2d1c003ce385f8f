package io.shroud.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.utility.UtilityFixtures;
import io.shroud.core.utility.UtilityReport;
import org.junit.jupiter.api.Test;

class UtilityHtmlTest {
  private final String html = UtilityHtml.section(UtilityFixtures.report());

  @Test
  void everyPartIsRendered() {
    assertThat(html).contains("<section id=\"utility\">", "<table id=\"utility-columns\">", "id=\"utility-numbers\"",
        "id=\"utility-categories\"", "<table id=\"utility-dates\">", "<table id=\"utility-text\">",
        "<table id=\"utility-paired\">", "<table id=\"utility-levels\">", "<svg id=\"class-sizes\"",
        "<svg id=\"corr-before\"", "<svg id=\"corr-after\"", "<svg class=\"histogram\"", "<strong>k = 10</strong>");
    assertThat(html).contains("day -&gt; quarter", "ranges of width 10", "entropy");
  }

  @Test
  void everythingIsEscapedAndNoRareValueAppears() {
    assertThat(html).contains("&lt;PERSON&gt;").doesNotContain("<PERSON>");
    assertThat(html).contains("a note with &lt;angle&gt; brackets");
    assertThat(html).doesNotContain("Zebulon").doesNotContain("Tuvalu").doesNotContain("9876543")
        .doesNotContain("9,876,5").doesNotContain("9877000").doesNotContain("C100007");
    // Self-contained: nothing is fetched (the only URL is the SVG namespace, which is not fetched).
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("<script")
        .doesNotContain("http://").doesNotContain("https://").doesNotContain("src=").doesNotContain("href=")
        .doesNotContain("url(");
  }

  @Test
  void aReportThatWasNotComputedSaysWhy() {
    String off = UtilityHtml.section(UtilityReport.notComputed("off", "turned off by utility.sample: off"));
    assertThat(off).contains("<p id=\"utility-status\">Not computed (off): turned off by utility.sample: off</p>")
        .doesNotContain("<table");
  }

  @Test
  void correlationColoursRunFromBlueThroughWhiteToRed() {
    assertThat(UtilityCharts.color(1.0)).isEqualTo("#b2182b");
    assertThat(UtilityCharts.color(0.0)).isEqualTo("#ffffff");
    assertThat(UtilityCharts.color(-1.0)).isEqualTo("#2166ac");
    assertThat(UtilityCharts.color(null)).isEqualTo("#d0d0d0");
  }

  @Test
  void aComparePageIsSelfContained() {
    String page = UtilityHtml.page("Shroud compare", "Before a.csv, after b.csv", UtilityFixtures.report());
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<h1>Shroud compare</h1>", "<section id=\"utility\">")
        .endsWith("</body></html>\n");
  }
}

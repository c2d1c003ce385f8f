package io.shroud.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.core.report.RunReportHtml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The {@code anonymity} section in each state a run leaves it in, against the JSON and the run report
 * table the map it replaced produced (captured from the map version once and kept here as literals).
 */
class AnonymityAuditTest {
  /** The report rows every searched section starts with. */
  private static final String SEARCH_ROWS = "<h2>Anonymity</h2>\n<table id=\"anonymity\"><tbody>\n<tr><th>k</th><td>5</td></tr>\n"
      + "<tr><th>l</th><td>1</td></tr>\n<tr><th>maxSuppression</th><td>0.01</td></tr>\n"
      + "<tr><th>metric</th><td>loss</td></tr>\n<tr><th>quasiIdentifiers</th><td>[zip, age]</td></tr>\n"
      + "<tr><th>sensitive</th><td>[]</td></tr>\n<tr><th>records</th><td>1000</td></tr>\n"
      + "<tr><th>distinctQuasiIdentifierCombinations</th><td>321</td></tr>\n"
      + "<tr><th>latticeNodesEvaluated</th><td>12</td></tr>\n<tr><th>searchMillis</th><td>7</td></tr>\n";
  /** The report rows of a satisfiable search's solution. */
  private static final String SOLUTION_ROWS = "<tr><th>transformation</th><td>{zip=2, age=1}</td></tr>\n"
      + "<tr><th>levels</th><td>{zip=first 3 digits, age=10-year bands}</td></tr>\n"
      + "<tr><th>suppressedRecords</th><td>4</td></tr>\n"
      + "<tr><th>suppressedHandling</th><td>quasi-identifiers set to *</td></tr>\n"
      + "<tr><th>classes</th><td>37</td></tr>\n<tr><th>smallestClass</th><td>5</td></tr>\n"
      + "<tr><th>classSizeHistogram</th><td>{5=3, 9=2}</td></tr>\n"
      + "<tr><th>metrics</th><td>{entropy=1234.5, loss=0.25, discernibility=30000.0, height=3}</td></tr>\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static AnonymityAudit searched(boolean optimum, boolean sensitive) {
    AnonymityAudit.Search search = new AnonymityAudit.Search(5, sensitive ? 2 : 1, 0.01, "loss", List.of("zip", "age"),
        sensitive ? List.of("disease") : List.of(), 1000, 321, 12, 7);
    if (!optimum) {
      return AnonymityAudit.searched(search, null);
    }
    Map<String, Integer> levels = new LinkedHashMap<>();
    levels.put("zip", 2);
    levels.put("age", 1);
    Map<String, String> meaning = new LinkedHashMap<>();
    meaning.put("zip", "first 3 digits");
    meaning.put("age", "10-year bands");
    return AnonymityAudit.searched(search, new AnonymityAudit.Optimum(levels, meaning, 4, "quasi-identifiers set to *",
        37, 5, histogram(), new AnonymityAudit.Metrics(30000.0, 1234.5, 3, 0.25)));
  }

  private static Map<Long, Long> histogram() {
    return new TreeMap<>(Map.of(9L, 2L, 5L, 3L));
  }

  private static AnonymityAudit written(boolean sensitive) {
    AnonymityAudit.Recheck recheck = new AnonymityAudit.Recheck(histogram(), 37, sensitive ? 0L : null, 5,
        sensitive ? 2 : 1, 996, 0, true, 5, sensitive ? 2L : null, 4);
    return searched(true, sensitive).written(new TreeMap<>(Map.of("zip", 990L, "age", 1000L)), recheck);
  }

  private static AuditRecord with(AnonymityAudit anonymity) {
    return new AuditRecord(1, "run-1", Map.of("name", "shroud", "version", "x"), "sanitize", "succeeded", null,
        "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", 1000, PolicyAudit.local("p.yaml", "ab", false, "detect"),
        Map.of("path", "in"), Map.of("path", "out"), 1, 1, List.of(), Map.of(), Map.of(), anonymity, null, null, null,
        null);
  }

  private static void assertWrites(AnonymityAudit anonymity, String json, String reportTable) throws Exception {
    String written = AuditJson.toJson(with(anonymity));
    assertThat(JSON.readTree(written).get("anonymity").toString()).isEqualTo(json);
    assertThat(AuditJson.fromJson(written).anonymity()).isEqualTo(anonymity);
    String html = RunReportHtml.render(with(anonymity));
    int from = html.indexOf("<h2>Anonymity</h2>");
    assertThat(html.substring(from, html.indexOf("</table>", from))).isEqualTo(reportTable);
  }

  @Test
  void writtenAndRecheckedWithLDiversity() throws Exception {
    assertWrites(written(true),
        "{\"cellsChanged\":{\"age\":1000,\"zip\":990},\"classSizeHistogram\":{\"5\":3,\"9\":2},"
        + "\"classes\":37,\"distinctQuasiIdentifierCombinations\":321,\"k\":5,\"l\":2,"
        + "\"latticeNodesEvaluated\":12,\"levels\":{\"age\":\"10-year bands\",\"zip\":\"first 3 digits\"},"
        + "\"maxSuppression\":0.01,\"metric\":\"loss\",\"metrics\":{\"discernibility\":30000.0,"
        + "\"entropy\":1234.5,\"height\":3,\"loss\":0.25},\"quasiIdentifiers\":[\"zip\",\"age\"],"
        + "\"recheck\":{\"classSizeHistogram\":{\"5\":3,\"9\":2},\"classes\":37,"
        + "\"classesWithFewerThanLValues\":0,\"k\":5,\"l\":2,\"records\":996,"
        + "\"recordsInClassesSmallerThanK\":0,\"satisfied\":true,\"smallestClass\":5,"
        + "\"smallestDistinctSensitiveValues\":2,\"suppressedRecords\":4},\"records\":1000,"
        + "\"satisfiable\":true,\"searchMillis\":7,\"sensitive\":[\"disease\"],\"smallestClass\":5,"
        + "\"suppressedHandling\":\"quasi-identifiers set to *\",\"suppressedRecords\":4,"
        + "\"transformation\":{\"age\":1,\"zip\":2}}",
        "<h2>Anonymity</h2>\n<table id=\"anonymity\"><tbody>\n<tr><th>k</th><td>5</td></tr>\n"
        + "<tr><th>l</th><td>2</td></tr>\n<tr><th>maxSuppression</th><td>0.01</td></tr>\n"
        + "<tr><th>metric</th><td>loss</td></tr>\n<tr><th>quasiIdentifiers</th><td>[zip, age]</td></tr>\n"
        + "<tr><th>sensitive</th><td>[disease]</td></tr>\n<tr><th>records</th><td>1000</td></tr>\n"
        + "<tr><th>distinctQuasiIdentifierCombinations</th><td>321</td></tr>\n"
        + "<tr><th>latticeNodesEvaluated</th><td>12</td></tr>\n<tr><th>searchMillis</th><td>7</td></tr>\n"
        + "<tr><th>satisfiable</th><td>true</td></tr>\n"
        + SOLUTION_ROWS
        + "<tr><th>cellsChanged</th><td>{age=1000, zip=990}</td></tr>\n"
        + "<tr><th>recheck</th><td>{satisfied=true, k=5, l=2, records=996, suppressedRecords=4, "
        + "classes=37, smallestClass=5, recordsInClassesSmallerThanK=0, smallestDistinctSensitiveValues=2, "
        + "classesWithFewerThanLValues=0, classSizeHistogram={5=3, 9=2}}</td></tr>\n"
        + "</tbody>");
  }

  @Test
  void writtenAndRecheckedWithoutASensitiveColumn() throws Exception {
    assertWrites(written(false),
        "{\"cellsChanged\":{\"age\":1000,\"zip\":990},\"classSizeHistogram\":{\"5\":3,\"9\":2},"
        + "\"classes\":37,\"distinctQuasiIdentifierCombinations\":321,\"k\":5,\"l\":1,"
        + "\"latticeNodesEvaluated\":12,\"levels\":{\"age\":\"10-year bands\",\"zip\":\"first 3 digits\"},"
        + "\"maxSuppression\":0.01,\"metric\":\"loss\",\"metrics\":{\"discernibility\":30000.0,"
        + "\"entropy\":1234.5,\"height\":3,\"loss\":0.25},\"quasiIdentifiers\":[\"zip\",\"age\"],"
        + "\"recheck\":{\"classSizeHistogram\":{\"5\":3,\"9\":2},\"classes\":37,\"k\":5,\"l\":1,"
        + "\"records\":996,\"recordsInClassesSmallerThanK\":0,\"satisfied\":true,\"smallestClass\":5,"
        + "\"suppressedRecords\":4},\"records\":1000,\"satisfiable\":true,\"searchMillis\":7,"
        + "\"sensitive\":[],\"smallestClass\":5,\"suppressedHandling\":\"quasi-identifiers set to *\","
        + "\"suppressedRecords\":4,\"transformation\":{\"age\":1,\"zip\":2}}",
        SEARCH_ROWS
        + "<tr><th>satisfiable</th><td>true</td></tr>\n"
        + SOLUTION_ROWS
        + "<tr><th>cellsChanged</th><td>{age=1000, zip=990}</td></tr>\n"
        + "<tr><th>recheck</th><td>{satisfied=true, k=5, l=1, records=996, suppressedRecords=4, "
        + "classes=37, smallestClass=5, recordsInClassesSmallerThanK=0, classSizeHistogram={5=3, "
        + "9=2}}</td></tr>\n"
        + "</tbody>");
  }

  @Test
  void unsatisfiableHasTheSearchOnly() throws Exception {
    assertWrites(searched(false, false),
        "{\"distinctQuasiIdentifierCombinations\":321,\"k\":5,\"l\":1,\"latticeNodesEvaluated\":12,"
        + "\"maxSuppression\":0.01,\"metric\":\"loss\",\"quasiIdentifiers\":[\"zip\",\"age\"],"
        + "\"records\":1000,\"satisfiable\":false,\"searchMillis\":7,\"sensitive\":[]}",
        SEARCH_ROWS
        + "<tr><th>satisfiable</th><td>false</td></tr>\n</tbody>");
  }

  @Test
  void satisfiableButNotWrittenHasNoCellsChangedOrRecheck() throws Exception {
    assertWrites(searched(true, false),
        "{\"classSizeHistogram\":{\"5\":3,\"9\":2},\"classes\":37,"
        + "\"distinctQuasiIdentifierCombinations\":321,\"k\":5,\"l\":1,\"latticeNodesEvaluated\":12,"
        + "\"levels\":{\"age\":\"10-year bands\",\"zip\":\"first 3 digits\"},\"maxSuppression\":0.01,"
        + "\"metric\":\"loss\",\"metrics\":{\"discernibility\":30000.0,\"entropy\":1234.5,\"height\":3,"
        + "\"loss\":0.25},\"quasiIdentifiers\":[\"zip\",\"age\"],\"records\":1000,\"satisfiable\":true,"
        + "\"searchMillis\":7,\"sensitive\":[],\"smallestClass\":5,"
        + "\"suppressedHandling\":\"quasi-identifiers set to *\",\"suppressedRecords\":4,"
        + "\"transformation\":{\"age\":1,\"zip\":2}}",
        SEARCH_ROWS
        + "<tr><th>satisfiable</th><td>true</td></tr>\n"
        + SOLUTION_ROWS
        + "</tbody>");
  }
}

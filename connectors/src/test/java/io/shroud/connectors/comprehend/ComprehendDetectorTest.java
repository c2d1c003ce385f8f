package io.shroud.connectors.comprehend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.shroud.connectors.LocalFakes;
import io.shroud.core.ShroudException;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.keys.KeyProviderFactory;
import io.shroud.core.mask.CellMasker;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.EntityOperators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Comprehend SDK client against a local fake speaking its JSON protocol. */
class ComprehendDetectorTest {
  private static final String TARGET = "Comprehend_20171127.DetectPiiEntities";
  static WireMockServer fake;
  static FakeComprehend comprehend = new FakeComprehend();

  @BeforeAll
  static void start() {
    fake = LocalFakes.start(comprehend);
  }

  @AfterAll
  static void stop() {
    fake.stop();
  }

  @BeforeEach
  void reset() {
    fake.resetAll();
    comprehend.requestBytes.clear();
    comprehend.languages.clear();
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
        .willReturn(aResponse().withTransformers(FakeComprehend.NAME)));
  }

  private ComprehendSettings settings(long maxCharacters, List<String> columns) {
    return new ComprehendSettings("us-east-1", "http://127.0.0.1:" + fake.port(), "en", 0.5, columns, maxCharacters,
        1000, true);
  }

  private List<Finding> detect(ComprehendSettings settings, String text, String column) {
    DetectionSettings detection = DetectionSettings.of(100, 0.5, 0.6, List.of("US"));
    List<Detector> detectors = new ComprehendDetectorSource(UUID.randomUUID().toString(), Optional.of(settings))
        .create(detection);
    assertThat(detectors).hasSize(1);
    List<Finding> out = new ArrayList<>();
    detectors.get(0).detect(text, DetectionContext.forColumn(column), out);
    return out;
  }

  @Test
  void offsetsInCharactersMapBackToJavaOffsetsPastEmojiAndAccents() {
    String text = "😀😀 ticket from Zoë Müller, cc maria@example.com — Maria Lopez called";
    List<Finding> found = detect(settings(1_000_000, List.of()), text, "notes");
    assertThat(found).extracting(f -> f.type() + ":" + text.substring(f.start(), f.end()))
        .containsExactlyInAnyOrder("PERSON:Zoë Müller", "EMAIL:maria@example.com", "PERSON:Maria Lopez");
    assertThat(found).allSatisfy(f -> assertThat(f.detectorId()).isEqualTo("comprehend"));
    assertThat(comprehend.languages).containsExactly("en");
    fake.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("Content-Type", equalTo("application/x-amz-json-1.1")));
  }

  @Test
  void dateTimeIsNotReportedAndOnlyListedColumnsAreSent() {
    assertThat(detect(settings(1_000_000, List.of("notes")), "Paid on 2024-05-01 by James Smith", "notes"))
        .extracting(Finding::type).containsExactly(EntityType.PERSON);
    assertThat(detect(settings(1_000_000, List.of("notes")), "James Smith", "other")).isEmpty();
    assertThat(detect(settings(1_000_000, List.of()), "4111 1111 1111 1111", "notes")).isEmpty();
    assertThat(comprehend.requestBytes).hasSize(1);
  }

  @Test
  void longTextsGoInPiecesUnderTheRequestLimitWithOffsetsShifted() {
    String filler = "lorem ipsum dolor sit amet ".repeat(9000); // ~243 KB
    String text = filler + "Maria Lopez" + filler + "james.smith@example.org";
    List<Finding> found = detect(settings(10_000_000, List.of()), text, "doc");
    assertThat(comprehend.requestBytes).hasSizeGreaterThanOrEqualTo(5).allSatisfy(b -> assertThat(b).isLessThan(100_000));
    assertThat(found).extracting(f -> text.substring(f.start(), f.end()))
        .containsExactly("Maria Lopez", "james.smith@example.org");
  }

  @Test
  void throttlingIsRetriedWithBackoff() {
    fake.resetAll();
    fake.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .withHeader("X-Amz-Target", equalTo(TARGET))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"))
        .willSetStateTo("ok"));
    fake.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs("ok")
        .withHeader("X-Amz-Target", equalTo(TARGET)).willReturn(aResponse().withTransformers(FakeComprehend.NAME)));
    assertThat(detect(settings(1_000_000, List.of()), "James Smith wrote", "notes")).hasSize(1);
    fake.verify(2, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void accessDeniedAndUnreachableServicesFailWithoutQuotingText() {
    fake.resetAll();
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized\"}")));
    assertThatThrownBy(() -> detect(settings(1_000_000, List.of()), "secret James Smith", "notes"))
        .isInstanceOf(ShroudException.class)
        .hasMessage("Cannot detect PII with Amazon Comprehend in us-east-1: AccessDeniedException (HTTP 400)");
    ComprehendSettings unreachable = new ComprehendSettings("us-east-1", "http://127.0.0.1:1", "en", 0.5, List.of(),
        1_000_000, 1000, true);
    assertThatThrownBy(() -> detect(unreachable, "secret James Smith", "notes"))
        .isInstanceOf(ShroudException.class)
        .hasMessageStartingWith("Cannot reach Amazon Comprehend at http://127.0.0.1:1: ")
        .hasMessageNotContaining("James");
  }

  @Test
  void theCostGuardStopsTheRun() {
    ComprehendSettings small = settings(50, List.of());
    assertThatThrownBy(() -> detect(small, "James Smith ".repeat(10), "notes"))
        .isInstanceOf(ShroudException.class)
        .hasMessage("Cannot send more text to Amazon Comprehend: this run reached its cost limit "
            + "detection.comprehend.maxCharacters=50 (per executor); nothing was published");
    assertThat(comprehend.requestBytes).isEmpty();
  }

  @Test
  void cellMaskerMasksWhatComprehendFindsWithThePolicyOperators() {
    DetectionSettings detection = DetectionSettings.of(100, 0.5, 0.6, List.of("US"));
    MaskingPlan plan = new MaskingPlan(List.of(new ColumnPlan(new ColumnInfo("notes", ColumnInfo.Kind.STRING, "string"),
        Treatment.SCAN_TEXT, null, null, "unlisted", "scanned")), EntityOperators.REDACT_ALL, detection, Map.of());
    CellMasker masker = new CellMasker(plan, new KeyProviderFactory.LocalFiles().create(),
        new ComprehendDetectorSource(UUID.randomUUID().toString(), Optional.of(settings(1_000_000, List.of()))));
    String masked = masker.mask(0, "Maria Lopez asked for a refund", new CellMasker.Counter() {
      @Override
      public void found(int column, EntityType type) {}

      @Override
      public void masked(int column) {}
    });
    assertThat(masked).isEqualTo("<PERSON> asked for a refund");
  }
}

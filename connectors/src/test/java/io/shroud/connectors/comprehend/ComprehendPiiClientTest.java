package io.shroud.connectors.comprehend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.shroud.connectors.storage.StorageException;
import io.shroud.core.ShroudException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.comprehend.ComprehendClient;

/** DetectPiiEntities through the real SDK client against a WireMock fake speaking awsJson1_1. */
class ComprehendPiiClientTest {
  static final String TARGET = "Comprehend_20171127.DetectPiiEntities";
  static WireMockServer server;
  final List<Long> waits = new ArrayList<>();
  final ComprehendPiiClient.Sleeper recordingSleeper = new ComprehendPiiClient.Sleeper() {
    @Override
    public void sleepNanos(long nanos) {
      waits.add(nanos);
    }

    @Override
    public long nanoTime() {
      return 0;
    }
  };

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  static ComprehendClient sdk(String endpoint) {
    return ComprehendClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
        .endpointOverride(URI.create(endpoint))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "test")))
        .build();
  }

  ComprehendPiiClient client(long maxCharacters, double rps, int maxBytes) {
    return new ComprehendPiiClient(sdk("http://127.0.0.1:" + server.port()), "fake", "en", maxCharacters, rps, maxBytes,
        recordingSleeper);
  }

  /** Answers a request for exactly this text with entities at these substrings (offsets in code points). */
  static void answer(String text, Map<String, String> entities) throws Exception {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Map.Entry<String, String> e : entities.entrySet()) {
      int utf16 = text.indexOf(e.getKey());
      int begin = text.codePointCount(0, utf16);
      int end = begin + e.getKey().codePointCount(0, e.getKey().length());
      list.add(Map.of("Type", e.getValue(), "Score", 0.99, "BeginOffset", begin, "EndOffset", end));
    }
    String body = new ObjectMapper().writeValueAsString(Map.of("Entities", list));
    String request = new ObjectMapper().writeValueAsString(Map.of("Text", text, "LanguageCode", "en"));
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(request))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }

  @Test
  void batchesTextsAndMapsCodePointOffsetsToUtf16() throws Exception {
    List<String> texts = List.of("Call 555-0100 today", "", "😀😀 mail bob@example.com", "nothing here");
    String batch = "Call 555-0100 today\n\n😀😀 mail bob@example.com\n\nnothing here";
    answer(batch, Map.of("555-0100", "PHONE", "bob@example.com", "EMAIL"));
    List<List<PiiSpan>> found = client(10_000, 100, ComprehendPiiClient.MAX_REQUEST_BYTES).detect(texts);
    assertThat(found.get(0)).containsExactly(new PiiSpan("PHONE", 0.99f, 5, 13));
    assertThat(found.get(1)).isEmpty();
    // Two emoji are 2 code points but 4 UTF-16 units: the span must land on the address in Java terms.
    PiiSpan email = found.get(2).get(0);
    assertThat(texts.get(2).substring(email.start(), email.end())).isEqualTo("bob@example.com");
    assertThat(found.get(3)).isEmpty();
    server.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void splitsBatchesAtTheByteLimitAndSpacesRequests() throws Exception {
    answer("alice@example.com", Map.of("alice@example.com", "EMAIL"));
    answer("ssn 123-45-6789", Map.of("123-45-6789", "SSN"));
    List<List<PiiSpan>> found = client(10_000, 2, 20).detect(List.of("alice@example.com", "ssn 123-45-6789"));
    assertThat(found.get(0)).containsExactly(new PiiSpan("EMAIL", 0.99f, 0, 17));
    assertThat(found.get(1)).containsExactly(new PiiSpan("SSN", 0.99f, 4, 15));
    server.verify(2, postRequestedFor(urlEqualTo("/")));
    assertThat(waits).containsExactly(500_000_000L); // 2 requests per second
  }

  @Test
  void aLongTextIsSplitAtWhitespaceWithOffsetsKept() throws Exception {
    answer("aaaa bbbb ", Map.of());
    answer("cccc x@y.io", Map.of("x@y.io", "EMAIL"));
    List<List<PiiSpan>> found = client(10_000, 100, 12).detect(List.of("aaaa bbbb cccc x@y.io"));
    assertThat(found.get(0)).containsExactly(new PiiSpan("EMAIL", 0.99f, 15, 21));
  }

  @Test
  void costGuardStopsBeforeTheBudgetIsExceeded() throws Exception {
    answer("alice@example.com", Map.of("alice@example.com", "EMAIL"));
    ComprehendPiiClient client = client(25, 100, 20);
    assertThatThrownBy(() -> client.detect(List.of("alice@example.com", "ssn 123-45-6789")))
        .isInstanceOf(ShroudException.class).hasMessage("Cannot send more text to Amazon Comprehend: this run would "
            + "exceed its budget of 25 characters (17 sent); raise the limit or narrow the columns");
    server.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void throttlingIsRetriedThenReported() throws Exception {
    String throttled = "{\"__type\":\"TooManyRequestsException\",\"Message\":\"Rate exceeded\"}";
    server.stubFor(post(urlEqualTo("/")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(throttled))
        .willSetStateTo("ok"));
    server.stubFor(post(urlEqualTo("/")).inScenario("t").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"Entities\":[{\"Type\":\"NAME\",\"Score\":0.9,\"BeginOffset\":0,\"EndOffset\":3}]}")));
    assertThat(client(1000, 100, 1000).detect(List.of("Ada wrote")).get(0)).containsExactly(new PiiSpan("NAME", 0.9f, 0, 3));
    server.verify(2, postRequestedFor(urlEqualTo("/")));

    server.resetAll();
    server.stubFor(post(urlEqualTo("/"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(throttled)));
    assertThatThrownBy(() -> client(1000, 100, 1000).detect(List.of("Ada wrote"))).isInstanceOf(StorageException.class)
        .hasMessage("Cannot detect PII with Amazon Comprehend at fake: TooManyRequestsException (after retries)");
  }

  @Test
  void unreachableServiceIsAClearError() {
    ComprehendPiiClient client = new ComprehendPiiClient(sdk("http://127.0.0.1:1"), "http://127.0.0.1:1", "en", 1000, 100);
    assertThatThrownBy(() -> client.detect(List.of("Ada wrote"))).isInstanceOf(StorageException.class)
        .hasMessage("Cannot reach Amazon Comprehend at http://127.0.0.1:1: the service is unreachable");
  }
}

package io.shroud.connectors.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.shroud.connectors.LocalFakes;
import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.aws.PreflightSettings;
import io.shroud.connectors.aws.S3Settings;
import io.shroud.connectors.storage.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PutObjectTagging, GetObjectTagging and ListObjectsV2 through the real SDK v2 S3 client against a
 * WireMock fake speaking S3's REST-XML, with the retry and error behaviour S3 documents.
 */
class S3ObjectTaggerTest {
  static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
  static final Map<String, String> TAGS = new LinkedHashMap<>(Map.of("Classification", "masked"));
  static WireMockServer server;
  S3ObjectTagger tagger;

  @BeforeAll
  static void start() {
    server = LocalFakes.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void create() {
    server.resetAll();
    String endpoint = "http://127.0.0.1:" + server.port();
    AwsSettings aws = new AwsSettings("us-east-1", new S3Settings(endpoint, S3Settings.Encryption.SSE_KMS, "k", true, true),
        null, null, null, PreflightSettings.DEFAULTS);
    // Millisecond backoff: the retries are what is tested, not the waiting.
    tagger = new S3ObjectTagger(S3ObjectTagger.client(aws, S3ObjectTagger.retries(Duration.ofMillis(1),
        Duration.ofMillis(5))), 3);
  }

  @AfterEach
  void close() {
    tagger.close();
  }

  static void listing(String bucket, String prefix, String... keys) {
    StringBuilder contents = new StringBuilder();
    for (String key : keys) {
      contents.append("<Contents><Key>").append(key).append("</Key><LastModified>2026-11-22T05:15:00.000Z</LastModified>")
          .append("<ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag><Size>0</Size><StorageClass>STANDARD")
          .append("</StorageClass></Contents>");
    }
    server.stubFor(get(urlPathMatching("/" + bucket + "/?")).withQueryParam("list-type",
        WireMock.equalTo("2")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/xml").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListBucketResult xmlns=\"" + NS + "\"><Name>" + bucket + "</Name><Prefix>" + prefix + "</Prefix><KeyCount>"
            + keys.length + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>" + contents
            + "</ListBucketResult>")));
  }

  static void putTagging(String bucket, String key, int status, String errorCodeOrNull) {
    server.stubFor(put(urlEqualTo("/" + bucket + "/" + key + "?tagging")).willReturn(response(status, errorCodeOrNull)));
  }

  static ResponseDefinitionBuilder response(int status, String code) {
    if (code == null) {
      return aResponse().withStatus(status);
    }
    return aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + (code.equals("SlowDown")
            ? "Please reduce your request rate." : code.equals("AccessDenied") ? "Access Denied" : "We encountered an "
            + "internal error. Please try again.") + "</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>h</HostId></Error>");
  }

  @Test
  void tagsEveryObjectUnderTheDirectoryWithTheWholeSet() {
    listing("clean", "masked/", "masked/_SUCCESS", "masked/part-00000.parquet", "masked/part-00001.parquet");
    for (String key : List.of("masked/_SUCCESS", "masked/part-00000.parquet", "masked/part-00001.parquet")) {
      putTagging("clean", key, 200, null);
    }
    Map<String, String> tags = new LinkedHashMap<>(TAGS);
    tags.put("shroud:run-id", "20261122T051500Z-1a2b3c4d");
    assertThat(tagger.tagTree("s3a://clean/masked", tags)).isEqualTo(3);
    server.verify(3, putRequestedFor(WireMock.urlMatching("/clean/masked/.*\\?tagging"))
        .withRequestBody(containing("<Tag><Key>Classification</Key><Value>masked</Value></Tag>"))
        .withRequestBody(containing("<Tag><Key>shroud:run-id</Key><Value>20261122T051500Z-1a2b3c4d</Value></Tag>")));
    // The listing asked for the directory's own prefix, never a sibling sharing its first letters.
    assertThat(server.getAllServeEvents()).anySatisfy(e -> assertThat(e.getRequest().getUrl()).contains("prefix=masked%2F"));
  }

  @Test
  void throttlingAndServerErrorsAreRetriedWithBackoff() {
    listing("clean", "masked/", "masked/a");
    server.stubFor(put(urlEqualTo("/clean/masked/a?tagging")).inScenario("throttled").whenScenarioStateIs(STARTED)
        .willReturn(response(503, "SlowDown")).willSetStateTo("slow-2"));
    server.stubFor(put(urlEqualTo("/clean/masked/a?tagging")).inScenario("throttled").whenScenarioStateIs("slow-2")
        .willReturn(response(500, "InternalError")).willSetStateTo("ok"));
    server.stubFor(put(urlEqualTo("/clean/masked/a?tagging")).inScenario("throttled").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200)));
    assertThat(tagger.tagTree("s3a://clean/masked", TAGS)).isEqualTo(1);
    server.verify(3, putRequestedFor(urlEqualTo("/clean/masked/a?tagging")));
  }

  @Test
  void aDeniedOrPersistentlyFailingObjectFailsTheBatchNamingIt() {
    listing("clean", "masked/", "masked/a", "masked/b", "masked/c");
    putTagging("clean", "masked/a", 200, null);
    putTagging("clean", "masked/b", 403, "AccessDenied");
    putTagging("clean", "masked/c", 503, "SlowDown");
    assertThatThrownBy(() -> tagger.tagTree("s3a://clean/masked", TAGS)).isInstanceOf(StorageException.class)
        .hasMessage("Cannot tag 2 of 3 object(s) under s3a://clean/masked: masked/b: AccessDenied (Access Denied) "
            + "(and 1 more)");
    // Access denied is final; throttling was tried until the attempts ran out.
    server.verify(1, putRequestedFor(urlEqualTo("/clean/masked/b?tagging")));
    server.verify(S3ObjectTagger.MAX_ATTEMPTS, putRequestedFor(urlEqualTo("/clean/masked/c?tagging")));
  }

  @Test
  void aFailedListingIsNamed() {
    server.stubFor(get(urlPathMatching("/clean/?")).willReturn(response(403, "AccessDenied")));
    assertThatThrownBy(() -> tagger.tagTree("s3a://clean/masked", TAGS)).isInstanceOf(StorageException.class)
        .hasMessage("Cannot tag the objects under s3a://clean/masked: listing them failed: AccessDenied (Access Denied)");
  }

  @Test
  void callsRunConcurrentlyButNeverMoreThanTheBound() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CyclicBarrier together = new CyclicBarrier(3);
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      items.add(i);
    }
    List<String> failures = tagger.forEach(items, i -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        // Three calls must be in flight at once for the barrier to open: the bound is also reached.
        together.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("calls did not run concurrently", e);
      } finally {
        inFlight.decrementAndGet();
      }
      return null;
    });
    assertThat(failures).isEmpty();
    assertThat(most.get()).isEqualTo(3);
  }

  @Test
  void inputTagsAreMergedNotReplaced() {
    server.stubFor(get(urlEqualTo("/raw/in/a.csv?tagging")).willReturn(tagging(Map.of("team", "crm", "pii", "yes"))));
    server.stubFor(get(urlEqualTo("/raw/in/b.csv?tagging")).willReturn(tagging(Map.of("shroud:sanitized-by", "old-run"))));
    Map<String, String> ten = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      ten.put("t" + i, "v");
    }
    server.stubFor(get(urlEqualTo("/raw/in/full.csv?tagging")).willReturn(tagging(ten)));
    server.stubFor(get(urlEqualTo("/raw/in/denied.csv?tagging")).willReturn(response(403, "AccessDenied")));
    putTagging("raw", "in/a.csv", 200, null);
    putTagging("raw", "in/b.csv", 200, null);
    InputTagging.Result result = new InputTagging(tagger).markSanitized(List.of("s3a://raw/in/a.csv", "s3a://raw/in/b.csv",
        "s3a://raw/in/full.csv", "s3a://raw/in/denied.csv"), "run-2");
    assertThat(result.tagged()).isEqualTo(2);
    assertThat(result.full()).containsExactly("s3a://raw/in/full.csv");
    assertThat(result.failures()).containsExactly("s3a://raw/in/denied.csv: AccessDenied (Access Denied)");
    server.verify(putRequestedFor(urlEqualTo("/raw/in/a.csv?tagging"))
        .withRequestBody(containing("<Key>team</Key><Value>crm</Value>"))
        .withRequestBody(containing("<Key>pii</Key><Value>yes</Value>"))
        .withRequestBody(containing("<Key>shroud:sanitized-by</Key><Value>run-2</Value>")));
    server.verify(putRequestedFor(urlEqualTo("/raw/in/b.csv?tagging"))
        .withRequestBody(containing("<Key>shroud:sanitized-by</Key><Value>run-2</Value>")));
    server.verify(0, putRequestedFor(urlEqualTo("/raw/in/full.csv?tagging")));
  }

  static ResponseDefinitionBuilder tagging(Map<String, String> tags) {
    StringBuilder set = new StringBuilder();
    tags.forEach((k, v) -> set.append("<Tag><Key>").append(k).append("</Key><Value>").append(v).append("</Value></Tag>"));
    return aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Tagging xmlns=\"" + NS + "\"><TagSet>" + set + "</TagSet></Tagging>");
  }
}

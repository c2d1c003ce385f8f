package io.shroud.connectors.macie;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.shroud.connectors.LocalFakes;
import io.shroud.core.ShroudException;
import io.shroud.core.UsageException;
import io.shroud.core.detect.EntityType;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Macie2 SDK client against a fake speaking its REST-JSON protocol (POST /findings, /findings/describe). */
class MacieHintsTest {
  static WireMockServer fake;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    fake = LocalFakes.start();
  }

  @AfterAll
  static void stop() {
    fake.stop();
  }

  @BeforeEach
  void reset() {
    fake.resetAll();
  }

  private MacieSettings settings(boolean detailed) {
    return new MacieSettings("us-east-1", "http://127.0.0.1:" + fake.port(), null, null, 100, detailed, true);
  }

  /** A finding shaped like Macie's GetFindings documentation (trimmed to the fields Shroud reads). */
  private static String finding(String id, String key, String detailed, String detections) {
    return "{\"id\":\"" + id + "\",\"category\":\"CLASSIFICATION\",\"type\":\"SensitiveData:S3Object/Personal\","
        + "\"severity\":{\"description\":\"High\",\"score\":3},"
        + "\"resourcesAffected\":{\"s3Bucket\":{\"name\":\"training-data\"},\"s3Object\":{\"key\":\"" + key + "\","
        + "\"path\":\"training-data/" + key + "\",\"serverSideEncryption\":{\"encryptionType\":\"aws:kms\"}}},"
        + "\"classificationDetails\":{\"detailedResultsLocation\":\"" + detailed + "\",\"jobId\":\"j1\","
        + "\"originType\":\"SENSITIVE_DATA_DISCOVERY_JOB\",\"result\":{\"mimeType\":\"text/csv\",\"sizeClassified\":2048,"
        + "\"status\":{\"code\":\"COMPLETE\"},\"sensitiveData\":[{\"category\":\"PERSONAL_INFORMATION\",\"detections\":["
        + detections + "],\"totalCount\":4}]}}}";
  }

  @Test
  void findingsForTheInputPrefixBecomeColumnAndPathHints() throws Exception {
    Path results = tmp.resolve("results.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(results))) {
      out.write(("{\"classificationDetails\":{\"result\":{\"sensitiveData\":[{\"detections\":[{\"type\":\"PHONE_NUMBER\","
          + "\"count\":1,\"occurrences\":{\"cells\":[{\"column\":4,\"columnName\":\"contact\",\"row\":9}]}}]}]}}}\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    fake.stubFor(post(urlEqualTo("/findings"))
        .withRequestBody(matchingJsonPath("$.findingCriteria.criterion['resourcesAffected.s3Bucket.name'].eq[0]",
            equalTo("training-data")))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"findingIds\":[\"f1\",\"f2\",\"f3\"]}")));
    fake.stubFor(post(urlEqualTo("/findings/describe")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"findings\":["
            + finding("f1", "exports/2026/customers.csv", results.toUri().toString(),
                "{\"type\":\"USA_SOCIAL_SECURITY_NUMBER\",\"count\":2,\"occurrences\":{\"cells\":[{\"column\":2,"
                    + "\"columnName\":\"ssn\",\"row\":3},{\"column\":2,\"columnName\":\"ssn\",\"row\":8}]}},"
                    + "{\"type\":\"EMAIL_ADDRESS\",\"count\":1,\"occurrences\":{\"cells\":[{\"column\":5,"
                    + "\"columnName\":\"notes\",\"row\":1}]}}") + ","
            + finding("f2", "exports/2026/chats.jsonl", results.toUri().toString(),
                "{\"type\":\"NAME\",\"count\":1,\"occurrences\":{\"records\":[{\"recordIndex\":0,"
                    + "\"jsonPath\":\"$.messages[3].content\"}]}}") + ","
            + finding("f3", "other/elsewhere.csv", "", "{\"type\":\"NAME\",\"count\":1,\"occurrences\":{\"cells\":"
                + "[{\"column\":0,\"columnName\":\"unrelated\",\"row\":1}]}}")
            + "]}")));

    MacieHints.Result result = new MacieHints(settings(true), new Configuration()).fetch("s3a://training-data/exports/2026/");
    assertThat(result.bucket()).isEqualTo("training-data");
    assertThat(result.prefix()).isEqualTo("exports/2026/");
    assertThat(result.findingsRead()).isEqualTo(2);
    assertThat(result.detailedResultFiles()).isEqualTo(1);
    assertThat(result.hints().byColumn()).containsOnlyKeys("ssn", "notes", "messages[].content", "contact");
    assertThat(result.hints().byColumn().get("ssn")).containsEntry(EntityType.US_SSN, 2L);
    assertThat(result.hints().byColumn().get("messages[].content")).containsEntry(EntityType.PERSON, 1L);
    assertThat(result.hints().byColumn().get("contact")).containsEntry(EntityType.PHONE, 1L);
    fake.verify(postRequestedFor(urlEqualTo("/findings/describe")).withRequestBody(containing("\"f1\"")));
  }

  @Test
  void accessDeniedAndNonS3InputsAreClearErrors() {
    fake.stubFor(post(urlEqualTo("/findings")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "AccessDeniedException")
        .withBody("{\"message\":\"not authorized\"}")));
    assertThatThrownBy(() -> new MacieHints(settings(false), new Configuration()).fetch("s3a://training-data/x/"))
        .isInstanceOf(ShroudException.class)
        .hasMessage("Cannot read Amazon Macie findings for bucket training-data in us-east-1: AccessDeniedException (HTTP 403)");
    assertThatThrownBy(() -> new MacieHints(settings(false), new Configuration()).fetch("/local/data.csv"))
        .isInstanceOf(UsageException.class)
        .hasMessage("Invalid policy: 'detection.macie' needs 'bucket' when input.path (/local/data.csv) is not an s3:// "
            + "or s3a:// URI");
  }

  @Test
  void jsonPathsBecomeLeafPaths() {
    assertThat(MacieOccurrences.leafPath("$.customer.email")).isEqualTo("customer.email");
    assertThat(MacieOccurrences.leafPath("$.messages[12].content")).isEqualTo("messages[].content");
    assertThat(MacieOccurrences.leafPath("$['items'][0]['ship to']")).isEqualTo("items[].ship to");
    assertThat(MacieOccurrences.leafPath("$.tags[*]")).isEqualTo("tags[]");
    assertThat(MacieOccurrences.leafPath("nope")).isEmpty();
  }
}

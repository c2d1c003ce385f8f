package io.shroud.connectors.macie;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.shroud.connectors.storage.StorageException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.macie2.Macie2Client;

/** macie2 ListFindings/GetFindings (REST-JSON) through the real SDK client against WireMock. */
class MacieFindingsReaderTest {
  static WireMockServer server;
  @TempDir Path tmp;

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

  MacieFindingsReader reader() {
    Macie2Client client = Macie2Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "test")))
        .build();
    return new MacieFindingsReader(client, new Configuration());
  }

  static void json(String path, String bodyContains, int status, String body) {
    var stub = post(urlEqualTo(path));
    if (bodyContains != null) {
      stub = stub.withRequestBody(containing(bodyContains));
    }
    server.stubFor(stub.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
  }

  static String finding(String id, String key, String resultsLocation) {
    return "{\"id\":\"" + id + "\",\"category\":\"CLASSIFICATION\",\"type\":\"SensitiveData:S3Object/Personal\","
        + "\"resourcesAffected\":{\"s3Bucket\":{\"name\":\"raw\"},\"s3Object\":{\"key\":\"" + key + "\",\"path\":\"raw/" + key + "\"}},"
        + "\"classificationDetails\":{\"detailedResultsLocation\":\"" + resultsLocation + "\",\"jobId\":\"j1\",\"result\":{"
        + "\"status\":{\"code\":\"COMPLETE\"},\"mimeType\":\"text/csv\",\"sensitiveData\":["
        + "{\"category\":\"PERSONAL_INFORMATION\",\"totalCount\":2,\"detections\":[{\"type\":\"USA_SOCIAL_SECURITY_NUMBER\","
        + "\"count\":2,\"occurrences\":{\"cells\":[{\"row\":2,\"column\":3,\"columnName\":\"ssn\"},"
        + "{\"row\":3,\"column\":3,\"columnName\":\"ssn\"}]}}]},"
        + "{\"category\":\"CONTACT_INFORMATION\",\"totalCount\":1,\"detections\":[{\"type\":\"EMAIL_ADDRESS\",\"count\":1,"
        + "\"occurrences\":{\"records\":[{\"recordIndex\":0,\"jsonPath\":\"$.contact.email\"}]}}]}]}}}";
  }

  @Test
  void findingsUnderThePrefixBecomeColumnHints() throws Exception {
    Path results = tmp.resolve("r1.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(results))) {
      out.write(("{\"classificationDetails\":{\"result\":{\"sensitiveData\":[{\"category\":\"PERSONAL_INFORMATION\","
          + "\"detections\":[{\"type\":\"NAME\",\"count\":1,\"occurrences\":{\"cells\":[{\"row\":9,\"column\":1,"
          + "\"columnName\":\"full_name\"}]}}]}]}}}\n\n").getBytes(StandardCharsets.UTF_8));
    }
    json("/findings", "resourcesAffected.s3Bucket.name", 200, "{\"findingIds\":[\"f1\",\"f2\"],\"nextToken\":\"page2\"}");
    server.stubFor(post(urlEqualTo("/findings")).withRequestBody(containing("page2")).atPriority(1)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"findingIds\":[\"f3\"]}")));
    json("/findings/describe", null, 200, "{\"findings\":[" + finding("f1", "in/people.csv", results.toUri().toString()) + ","
        + finding("f2", "index/other.csv", "") + "," + finding("f3", "in/more.csv", "") + "]}");

    MacieHints hints = reader().read("s3a://raw/in/", true);
    // f1's detailed results replace its sample of occurrences; f3 has none, so its sample counts.
    assertThat(hints.byColumn()).isEqualTo(Map.of("ssn", Map.of("US_SSN", 2L), "contact.email", Map.of("EMAIL", 1L),
        "full_name", Map.of("PERSON", 1L)));
    assertThat(hints.findingIds()).containsExactly("f1", "f3");
    assertThat(hints.resultFiles()).containsExactly(results.toUri().toString());
    server.verify(2, postRequestedFor(urlEqualTo("/findings")));
    server.verify(postRequestedFor(urlEqualTo("/findings")).withRequestBody(containing("\"category\":{\"eq\":[\"CLASSIFICATION\"]}")));
  }

  @Test
  void jsonPathsNameColumns() {
    assertThat(MacieHints.columnOfJsonPath("$.email")).isEqualTo("email");
    assertThat(MacieHints.columnOfJsonPath("$.orders[3].card")).isEqualTo("orders.card");
    assertThat(MacieHints.columnOfJsonPath("$['full name']")).isEqualTo("full name");
  }

  @Test
  void serviceErrorsNameTheBucket() {
    server.stubFor(post(urlEqualTo("/findings")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "AccessDeniedException")
        .withBody("{\"message\":\"User is not authorized to perform: macie2:ListFindings\"}")));
    assertThatThrownBy(() -> reader().read("s3a://raw/in/", false)).isInstanceOf(StorageException.class)
        .hasMessage("Cannot list Amazon Macie findings for bucket 'raw': AccessDeniedException "
            + "(User is not authorized to perform: macie2:ListFindings)");
  }
}

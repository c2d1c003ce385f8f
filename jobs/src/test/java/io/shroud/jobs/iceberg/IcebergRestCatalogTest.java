package io.shroud.jobs.iceberg;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST catalog's wiring, against a fake speaking the Iceberg REST protocol (GET /v1/config, table lookups
 * answered with the spec's error model): the policy's URI and warehouse reach the server, and a missing table
 * is a clear usage error.
 */
class IcebergRestCatalogTest {
  WireMockServer rest;
  @TempDir Path tmp;

  @BeforeEach
  void start() {
    rest = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    rest.start();
    rest.stubFor(get(urlPathEqualTo("/v1/config")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"defaults\":{},\"overrides\":{}}")));
    rest.stubFor(any(urlPathMatching("/v1/namespaces/db/tables/.*")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Table does not exist: db.missing\",\"type\":\"NoSuchTableException\",\"code\":404}}")));
  }

  @AfterEach
  void stop() {
    rest.stop();
  }

  @Test
  void aMissingTableIsAUsageErrorNamingTheCatalog() throws Exception {
    String uri = "http://127.0.0.1:" + rest.port();
    Path policy = Files.writeString(tmp.resolve("rest.yaml"), """
        input: { table: db.missing, catalog: { type: rest, uri: "%1$s", warehouse: analytics } }
        output: { path: "%2$s", format: parquet }
        columns: { id: { action: keep, reason: "id" } }
        """.formatted(uri, tmp.resolve("out")));
    CliResult result = run("sanitize", "--config", policy.toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Cannot read input table db.missing: it does not exist in the rest "
        + "catalog (warehouse analytics) at " + uri + "\n");
    rest.verify(getRequestedFor(urlPathEqualTo("/v1/config")).withQueryParam("warehouse",
        WireMock.equalTo("analytics")));
    rest.verify(anyRequestedFor(urlPathEqualTo("/v1/namespaces/db/tables/missing")));
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}

package io.shroud.connectors;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;

/** Local protocol fakes for AWS services: a WireMock server on loopback and test-only credentials. */
public final class LocalFakes {
  private LocalFakes() {}

  /** Starts a fake on a free loopback port; the SDK's default chain finds the test credentials. */
  public static WireMockServer start(Extension... extensions) {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(extensions));
    server.start();
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", "test-secret-key-for-local-fakes-only");
    return server;
  }
}

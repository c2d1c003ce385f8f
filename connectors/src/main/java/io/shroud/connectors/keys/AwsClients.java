package io.shroud.connectors.keys;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One client per (region, endpoint) per JVM, built on first use. Credentials come from the default
 * provider chain (instance role, environment, profile): never from the policy.
 */
final class AwsClients {
  private static final Map<String, SecretsManagerClient> SECRETS = new ConcurrentHashMap<>();
  private static final Map<String, KmsClient> KMS = new ConcurrentHashMap<>();

  private AwsClients() {}

  static SecretsManagerClient secretsManager(String region, String endpoint) {
    return SECRETS.computeIfAbsent(region + "|" + endpoint, k -> {
      var builder = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create());
      if (region != null) {
        builder.region(Region.of(region));
      }
      if (endpoint != null) {
        builder.endpointOverride(URI.create(endpoint));
      }
      return builder.build();
    });
  }

  static KmsClient kms(String region, String endpoint) {
    return KMS.computeIfAbsent(region + "|" + endpoint, k -> {
      var builder = KmsClient.builder().httpClient(UrlConnectionHttpClient.create());
      if (region != null) {
        builder.region(Region.of(region));
      }
      if (endpoint != null) {
        builder.endpointOverride(URI.create(endpoint));
      }
      return builder.build();
    });
  }
}

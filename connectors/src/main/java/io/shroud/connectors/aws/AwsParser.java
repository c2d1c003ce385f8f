package io.shroud.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.shroud.core.policy.PolicyExtension;
import io.shroud.core.policy.S3Paths;
import io.shroud.core.policy.YamlObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code aws:} section. Refuses credentials outright (they come from the default provider
 * chain, never from a policy file), plain-http endpoints unless explicitly allowed for local testing,
 * and S3 output without a KMS key. A {@link PolicyExtension}: jobs pass it to the policy parser.
 */
public final class AwsParser implements PolicyExtension<AwsSettings> {
  public static final AwsParser INSTANCE = new AwsParser();

  private static final Pattern CREDENTIAL_KEY =
      Pattern.compile(".*(accesskey|secretkey|secretaccess|sessiontoken|password|credential|apikey).*");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  private static final Pattern KMS_KEY = Pattern.compile("[A-Za-z0-9:/_.-]{1,2048}");

  private AwsParser() {}

  @Override
  public Class<AwsSettings> type() {
    return AwsSettings.class;
  }

  @Override
  public Placement placement() {
    return Placement.TOP_LEVEL;
  }

  @Override
  public String key() {
    return "aws";
  }

  @Override
  public Optional<AwsSettings> parse(YamlObject top, CoreSections core) {
    Optional<YamlObject> section = top.object("aws");
    String outputPath = core.output().path();
    boolean writesS3 = S3Paths.isS3Path(outputPath)
        || S3Paths.isS3Path(core.audit().orElseThrow().directoryFor(outputPath))
        || core.output().table().map(t -> t.catalog().warehouseOnS3()).orElse(false);
    if (section.isEmpty()) {
      if (writesS3) {
        throw top.error("output", "output or audit is on S3 but the policy has no 'aws' section; "
            + "set aws.s3.encryption.kmsKeyId so every object is written with SSE-KMS");
      }
      return Optional.empty();
    }
    YamlObject aws = section.get();
    rejectCredentials(aws);
    aws.allowOnly("region", "s3", "endpoints", "preflight");
    String region = aws.string("region").orElse(null);
    if (region != null && !REGION.matcher(region).matches()) {
      throw aws.error("region", "invalid value '" + region + "' for 'aws.region'; expected a region such as us-east-1");
    }
    S3Settings s3 = parseS3(aws, writesS3);
    String kmsEndpoint = null;
    String stsEndpoint = null;
    String s3ControlEndpoint = null;
    Optional<YamlObject> endpoints = aws.object("endpoints");
    if (endpoints.isPresent()) {
      endpoints.get().allowOnly("kms", "sts", "s3control");
      kmsEndpoint = endpoint(endpoints.get(), "kms", s3.allowInsecureEndpoint()).orElse(null);
      stsEndpoint = endpoint(endpoints.get(), "sts", s3.allowInsecureEndpoint()).orElse(null);
      s3ControlEndpoint = endpoint(endpoints.get(), "s3control", s3.allowInsecureEndpoint()).orElse(null);
    }
    PreflightSettings preflight = aws.object("preflight").map(AwsParser::parsePreflight).orElse(PreflightSettings.DEFAULTS);
    return Optional.of(new AwsSettings(region, s3, kmsEndpoint, stsEndpoint, s3ControlEndpoint, preflight));
  }

  private static S3Settings parseS3(YamlObject aws, boolean writesS3) {
    Optional<YamlObject> section = aws.object("s3");
    if (section.isEmpty()) {
      if (writesS3) {
        throw aws.error(null, "output or audit is on S3: 'aws.s3.encryption.kmsKeyId' is required");
      }
      return new S3Settings(null, S3Settings.Encryption.SSE_KMS, null, false, false);
    }
    YamlObject s3 = section.get();
    s3.allowOnly("endpoint", "encryption", "allowInsecureEndpoint", "pathStyleAccess");
    boolean insecure = s3.bool("allowInsecureEndpoint").orElse(false);
    String endpoint = endpoint(s3, "endpoint", insecure).orElse(null);
    S3Settings.Encryption algorithm = S3Settings.Encryption.SSE_KMS;
    String keyId = null;
    Optional<YamlObject> encryption = s3.object("encryption");
    if (encryption.isPresent()) {
      YamlObject e = encryption.get();
      e.allowOnly("algorithm", "kmsKeyId");
      Optional<String> name = e.string("algorithm");
      if (name.isPresent()) {
        algorithm = Arrays.stream(S3Settings.Encryption.values())
            .filter(a -> a.awsName().equalsIgnoreCase(name.get().trim())).findFirst()
            .orElseThrow(() -> e.error("algorithm", "invalid value '" + name.get() + "' for 'aws.s3.encryption.algorithm'; "
                + "expected SSE-KMS or DSSE-KMS (unencrypted and S3-managed-key writes are not supported)"));
      }
      keyId = e.string("kmsKeyId").orElse(null);
      if (keyId != null && !KMS_KEY.matcher(keyId).matches()) {
        throw e.error("kmsKeyId", "invalid value for 'aws.s3.encryption.kmsKeyId'; expected a KMS key id, alias/NAME or key ARN");
      }
    }
    if (keyId == null && writesS3) {
      throw s3.error(encryption.isPresent() ? "encryption" : null,
          "output or audit is on S3: 'aws.s3.encryption.kmsKeyId' is required (the customer-managed key every object is written with)");
    }
    return new S3Settings(endpoint, algorithm, keyId, insecure, s3.bool("pathStyleAccess").orElse(false));
  }

  private static PreflightSettings parsePreflight(YamlObject p) {
    p.allowOnly("profile", "encryption", "publicAccessBlock", "versioning", "kmsKey", "callerIdentity",
        "accountPublicAccessBlock", "secureTransport", "objectOwnership", "bucketKey");
    String profile = p.string("profile").orElse("default").trim().toLowerCase(Locale.ROOT);
    if (!profile.equals("default") && !profile.equals("production")) {
      throw p.error("profile", "invalid value '" + profile + "' for 'aws.preflight.profile'; expected one of: default, production");
    }
    boolean production = profile.equals("production");
    PreflightSettings d = production ? PreflightSettings.PRODUCTION : PreflightSettings.DEFAULTS;
    return new PreflightSettings(production,
        mode(p, "encryption", d.encryption()),
        mode(p, "publicAccessBlock", d.publicAccessBlock()),
        mode(p, "versioning", d.versioning()),
        mode(p, "kmsKey", d.kmsKey()),
        mode(p, "callerIdentity", d.callerIdentity()),
        mode(p, "accountPublicAccessBlock", d.accountPublicAccessBlock()),
        mode(p, "secureTransport", d.secureTransport()),
        mode(p, "objectOwnership", d.objectOwnership()),
        mode(p, "bucketKey", d.bucketKey()));
  }

  private static PreflightSettings.CheckMode mode(YamlObject p, String key, PreflightSettings.CheckMode fallback) {
    JsonNode raw = p.raw(key);
    if (raw != null && raw.isBoolean()) {
      // YAML 1.1 reads an unquoted off as false.
      if (!raw.booleanValue()) {
        return PreflightSettings.CheckMode.OFF;
      }
      throw p.error(key, "invalid value 'true' for '" + p.dotted(key) + "'; expected one of: require, warn, off");
    }
    return p.enumValue(key, PreflightSettings.CheckMode.class, PreflightSettings.CheckMode::yamlName).orElse(fallback);
  }

  /** An https:// URL with a host; http:// only with the explicit local-testing flag. */
  private static Optional<String> endpoint(YamlObject section, String key, boolean allowInsecure) {
    Optional<String> text = section.string(key);
    if (text.isEmpty()) {
      return text;
    }
    String value = text.get().trim();
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw section.error(key, "invalid URL '" + value + "' for '" + section.dotted(key) + "'");
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw section.error(key, "invalid URL '" + value + "' for '" + section.dotted(key)
          + "'; expected https://HOST, such as a VPC interface endpoint");
    }
    if (uri.getScheme().equals("http")) {
      if (!allowInsecure) {
        throw section.error(key, "'" + section.dotted(key) + "' is plain http (" + value + "); traffic to AWS must use TLS: "
            + "use an https:// endpoint (set aws.s3.allowInsecureEndpoint: true only for a local test server)");
      }
    } else if (!uri.getScheme().equals("https")) {
      throw section.error(key, "invalid URL '" + value + "' for '" + section.dotted(key) + "'; expected https://HOST");
    }
    return Optional.of(value);
  }

  /** Any key that names a credential, anywhere in the section, is refused without echoing its value. */
  private static void rejectCredentials(YamlObject section) {
    for (String key : section.keys()) {
      String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      if (CREDENTIAL_KEY.matcher(normalized).matches()) {
        throw section.error(key, "'" + section.dotted(key) + "' looks like a credential; Shroud never reads AWS "
            + "credentials from a policy: remove it and use the default credential chain (instance or task role, "
            + "environment, ~/.aws profile)");
      }
      JsonNode value = section.raw(key);
      if (value != null && value.isObject()) {
        rejectCredentials(section.object(key).orElseThrow());
      }
    }
  }
}

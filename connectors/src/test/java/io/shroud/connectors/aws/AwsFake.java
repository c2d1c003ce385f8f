package io.shroud.connectors.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * S3 (REST-XML, path style), KMS (awsJson1_1) and STS (query protocol: form-encoded request, XML
 * answer) on one WireMock server, with the response and error shapes AWS documents.
 */
final class AwsFake {
  static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
  /** The S3 Control endpoint's host; the SDK puts the account id in front of it. */
  static final String S3_CONTROL_HOST = "s3-control.test";
  private final WireMockServer server;

  AwsFake(WireMockServer server) {
    this.server = server;
  }

  void s3(String bucket, String subresource, int status, String xml) {
    server.stubFor(get(urlMatching("/" + bucket + "/?\\?" + subresource + "(=.*)?"))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(xml)));
  }

  void s3Error(String bucket, String subresource, int status, String code, String message) {
    s3(bucket, subresource, status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
        + message + "</Message><BucketName>" + bucket + "</BucketName><RequestId>4442587FB7D0A2F9</RequestId>"
        + "<HostId>host-id</HostId></Error>");
  }

  void encryption(String bucket, String algorithm, String keyOrNull) {
    encryption(bucket, algorithm, keyOrNull, true);
  }

  void encryption(String bucket, String algorithm, String keyOrNull, boolean bucketKey) {
    s3(bucket, "encryption", 200, "<ServerSideEncryptionConfiguration xmlns=\"" + S3_NS + "\"><Rule>"
        + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>" + algorithm + "</SSEAlgorithm>"
        + (keyOrNull == null ? "" : "<KMSMasterKeyID>" + keyOrNull + "</KMSMasterKeyID>")
        + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>" + bucketKey + "</BucketKeyEnabled></Rule>"
        + "</ServerSideEncryptionConfiguration>");
  }

  /** GetBucketPolicy answers with the policy document itself as the body. */
  void bucketPolicy(String bucket, String json) {
    server.stubFor(get(urlMatching("/" + bucket + "/?\\?policy(=.*)?"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
  }

  /** The TLS-only statement as AWS documents it, for the bucket and its objects. */
  static String tlsOnlyPolicy(String bucket) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\","
        + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::"
        + bucket + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
  }

  void ownership(String bucket, String objectOwnership) {
    s3(bucket, "ownershipControls", 200, "<OwnershipControls xmlns=\"" + S3_NS + "\"><Rule><ObjectOwnership>"
        + objectOwnership + "</ObjectOwnership></Rule></OwnershipControls>");
  }

  /**
   * S3 Control GetPublicAccessBlock: {@code GET /v20180820/configuration/publicAccessBlock} on the host
   * {@code ACCOUNT.<endpoint host>} with the account in {@code x-amz-account-id}; nothing else matches.
   */
  void accountPublicAccessBlock(String account, int status, String xml) {
    server.stubFor(get(urlEqualTo("/v20180820/configuration/publicAccessBlock"))
        .withHost(equalTo(account + "." + S3_CONTROL_HOST)).withHeader("x-amz-account-id", equalTo(account))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(xml)));
  }

  void accountPublicAccessBlock(String account, boolean acls, boolean ignore, boolean policy, boolean restrict) {
    accountPublicAccessBlock(account, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><PublicAccessBlockConfiguration "
        + "xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\"><BlockPublicAcls>" + acls + "</BlockPublicAcls>"
        + "<IgnorePublicAcls>" + ignore + "</IgnorePublicAcls><BlockPublicPolicy>" + policy + "</BlockPublicPolicy>"
        + "<RestrictPublicBuckets>" + restrict + "</RestrictPublicBuckets></PublicAccessBlockConfiguration>");
  }

  /** S3 Control's error shape: an ErrorResponse around the Error. */
  void accountError(String account, int status, String code, String message) {
    accountPublicAccessBlock(account, status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse><Error><Code>"
        + code + "</Code><Message>" + message + "</Message><AccountId>" + account + "</AccountId></Error>"
        + "<RequestId>656c76696e6727732072657175657374</RequestId><HostId>host-id</HostId></ErrorResponse>");
  }

  void publicAccessBlock(String bucket, boolean acls, boolean ignore, boolean policy, boolean restrict) {
    s3(bucket, "publicAccessBlock", 200, "<PublicAccessBlockConfiguration xmlns=\"" + S3_NS + "\"><BlockPublicAcls>" + acls
        + "</BlockPublicAcls><IgnorePublicAcls>" + ignore + "</IgnorePublicAcls><BlockPublicPolicy>" + policy
        + "</BlockPublicPolicy><RestrictPublicBuckets>" + restrict + "</RestrictPublicBuckets></PublicAccessBlockConfiguration>");
  }

  void versioning(String bucket, String statusOrNull) {
    s3(bucket, "versioning", 200, statusOrNull == null ? "<VersioningConfiguration xmlns=\"" + S3_NS + "\"/>"
        : "<VersioningConfiguration xmlns=\"" + S3_NS + "\"><Status>" + statusOrNull + "</Status></VersioningConfiguration>");
  }

  void kms(String target, int status, String json) {
    server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService." + target))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json)));
  }

  /** DescribeKey's documented KeyMetadata for a symmetric key. */
  void describeKey(String keyId, String arn, String manager, String state) {
    kms("DescribeKey", 200, "{\"KeyMetadata\":{\"AWSAccountId\":\"111122223333\",\"Arn\":\"" + arn + "\","
        + "\"CreationDate\":1.499288695918E9,\"CustomerMasterKeySpec\":\"SYMMETRIC_DEFAULT\",\"Description\":\"\","
        + "\"Enabled\":" + state.equals("Enabled") + ",\"EncryptionAlgorithms\":[\"SYMMETRIC_DEFAULT\"],\"KeyId\":\"" + keyId
        + "\",\"KeyManager\":\"" + manager + "\",\"KeySpec\":\"SYMMETRIC_DEFAULT\",\"KeyState\":\"" + state
        + "\",\"KeyUsage\":\"ENCRYPT_DECRYPT\",\"MultiRegion\":false,\"Origin\":\"AWS_KMS\"}}");
  }

  void rotation(String arn, boolean enabled) {
    kms("GetKeyRotationStatus", 200, "{\"KeyId\":\"" + arn + "\",\"KeyRotationEnabled\":" + enabled
        + ",\"RotationPeriodInDays\":365}");
  }

  void callerIdentity(String arn, String account, String userId) {
    server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                + "<Arn>" + arn + "</Arn><UserId>" + userId + "</UserId><Account>" + account + "</Account>"
                + "</GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>"
                + "</ResponseMetadata></GetCallerIdentityResponse>")));
  }

  /** A fully compliant bucket, key and account. */
  void goodPosture(String bucket, String keyId, String keyArn) {
    encryption(bucket, "aws:kms", keyArn);
    publicAccessBlock(bucket, true, true, true, true);
    versioning(bucket, "Enabled");
    bucketPolicy(bucket, tlsOnlyPolicy(bucket));
    ownership(bucket, "BucketOwnerEnforced");
    accountPublicAccessBlock("111122223333", true, true, true, true);
    describeKey(keyId, keyArn, "CUSTOMER", "Enabled");
    rotation(keyArn, true);
    callerIdentity("arn:aws:sts::111122223333:assumed-role/shroud-job/i-0abc", "111122223333", "AROA3XFRBF535EXAMPLE:i-0abc");
  }
}

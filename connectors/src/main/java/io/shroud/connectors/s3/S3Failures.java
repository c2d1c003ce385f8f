package io.shroud.connectors.s3;

import io.shroud.connectors.storage.StorageException;
import io.shroud.core.ShroudException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Finds the S3 (or KMS-through-S3) failure inside a Spark or Hadoop exception chain and says it in one
 * line: the AWS error code and message, which name buckets, keys and key ids but never data.
 */
public final class S3Failures {
  private static final Pattern S3_URI = Pattern.compile("s3a?://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])");

  private S3Failures() {}

  /** The failure, if the chain holds an AWS SDK exception or an S3A network failure. */
  public static Optional<String> describe(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AwsServiceException service && service.awsErrorDetails() != null) {
        String code = service.awsErrorDetails().errorCode();
        String message = service.awsErrorDetails().errorMessage();
        return Optional.of((code == null ? "HTTP " + service.statusCode() : code)
            + (message == null ? "" : " (" + firstLine(message) + ")"));
      }
      if (t instanceof SdkClientException || t instanceof ConnectException
          || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
        return Optional.of("S3 endpoint unreachable: " + t.getClass().getSimpleName()
            + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage())));
      }
    }
    return Optional.empty();
  }

  /**
   * A Shroud error for a run that failed on S3, naming the bucket and the AWS error; other failures
   * are returned unchanged.
   *
   * @param fallbackBucket the bucket to name when no S3A message names one
   */
  public static RuntimeException explain(Exception error, String fallbackBucket) {
    if (error instanceof ShroudException shroud) {
      return shroud;
    }
    Optional<String> failure = describe(error);
    if (failure.isEmpty()) {
      return sneaky(error);
    }
    String bucket = bucketNamedIn(error).orElse(fallbackBucket);
    return new StorageException("Cannot complete the run: S3 bucket '" + bucket
        + "' refused or did not answer a request: " + failure.get(), error);
  }

  /**
   * Rethrows any exception unchanged, checked or not: Spark throws undeclared checked exceptions,
   * and wrapping them would hide their class from the CLI's one-line description.
   */
  public static RuntimeException sneaky(Throwable error) {
    return S3Failures.<RuntimeException>rethrow(error);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T rethrow(Throwable error) throws T {
    throw (T) error;
  }

  /** The bucket an S3A message names (S3A puts the s3a:// path of the operation in its messages). */
  public static Optional<String> bucketNamedIn(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // Only Hadoop's and the SDK's own messages: other layers (Spark) may quote data.
      String origin = t.getClass().getName();
      if (t.getMessage() != null && (origin.startsWith("org.apache.hadoop.") || origin.startsWith("software.amazon."))) {
        Matcher m = S3_URI.matcher(t.getMessage());
        if (m.find()) {
          return Optional.of(m.group(1));
        }
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}

package io.shroud.connectors.keys;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** One-line descriptions of AWS SDK failures: the service's error code and message, or the client cause. */
final class AwsErrors {
  private AwsErrors() {}

  static String describe(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return service.awsErrorDetails().errorCode() + " (" + service.awsErrorDetails().errorMessage() + ")";
    }
    if (e instanceof SdkClientException) {
      return "service unreachable or request refused: " + firstLine(e.getMessage());
    }
    return e.getClass().getSimpleName();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

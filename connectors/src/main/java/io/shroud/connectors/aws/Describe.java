package io.shroud.connectors.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** One-line AWS error descriptions: code and message (AWS messages name resources, never data). */
final class Describe {
  private Describe() {}

  static String awsError(AwsServiceException e) {
    if (e.awsErrorDetails() == null) {
      return "HTTP " + e.statusCode();
    }
    String code = e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails().errorMessage();
    return (code == null ? "HTTP " + e.statusCode() : code) + (message == null ? "" : " (" + firstLine(message) + ")");
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

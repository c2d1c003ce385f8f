package io.shroud.connectors.comprehend;

import io.shroud.core.ShroudException;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.TextFeatures;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.model.ComprehendException;
import software.amazon.awssdk.services.comprehend.model.DetectPiiEntitiesResponse;
import software.amazon.awssdk.services.comprehend.model.PiiEntity;

/**
 * Amazon Comprehend DetectPiiEntities as a detector. Texts go in pieces under the service's 100 KB
 * (UTF-8) request limit, cut at whitespace; Comprehend's offsets count characters (code points), which
 * are mapped back to Java's UTF-16 offsets. Findings carry detector id {@code comprehend}, so the audit
 * can tell them apart. Errors name the service and region, never the text.
 */
final class ComprehendDetector implements Detector {
  static final String ID = "comprehend";
  /** The service limit is 100 KB of UTF-8; keep a margin. */
  static final int MAX_REQUEST_BYTES = 99_000;

  private final ComprehendSettings settings;
  private final ComprehendClient client;
  private final ComprehendBudget budget;

  ComprehendDetector(ComprehendSettings settings, ComprehendClient client, ComprehendBudget budget) {
    this.settings = settings;
    this.client = client;
    this.budget = budget;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public EntityType entityType() {
    return EntityType.PERSON;
  }

  @Override
  public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
    if (context.columnName() != null && !settings.covers(context.columnName()) || !hasLetter(text)) {
      return;
    }
    int start = 0;
    while (start < text.length()) {
      int end = pieceEnd(text, start);
      detectPiece(text.substring(start, end), start, out);
      start = end;
    }
  }

  private void detectPiece(String piece, int offset, List<Finding> out) {
    int cps = piece.codePointCount(0, piece.length());
    budget.acquire(cps);
    DetectPiiEntitiesResponse response;
    try {
      response = client.detectPiiEntities(r -> r.text(piece).languageCode(settings.languageCode()));
    } catch (ComprehendException e) {
      String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
      throw new ShroudException("Cannot detect PII with Amazon Comprehend in " + settings.region() + ": " + code
          + " (HTTP " + e.statusCode() + ")");
    } catch (SdkClientException e) {
      throw new ShroudException("Cannot reach Amazon Comprehend at "
          + (settings.endpointOrNull() == null ? "its " + settings.region() + " endpoint" : settings.endpointOrNull())
          + ": " + e.getClass().getSimpleName());
    }
    for (PiiEntity entity : response.entities()) {
      EntityType type = ComprehendTypes.of(entity.typeAsString());
      if (type == null || entity.score() == null || entity.score() < settings.minScore()
          || entity.beginOffset() == null || entity.endOffset() == null) {
        continue;
      }
      int begin = entity.beginOffset();
      int finish = entity.endOffset();
      if (begin < 0 || finish <= begin || finish > cps) {
        continue;
      }
      int from = piece.offsetByCodePoints(0, begin);
      int to = piece.offsetByCodePoints(from, finish - begin);
      out.add(new Finding(type, offset + from, offset + to, entity.score(), ID, "Amazon Comprehend " + entity.typeAsString()));
    }
  }

  /** The end of a piece starting at {@code start}: under the byte limit, at whitespace when there is some. */
  static int pieceEnd(String text, int start) {
    int bytes = 0;
    int i = start;
    int lastSpace = -1;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > MAX_REQUEST_BYTES) {
        return lastSpace > start ? lastSpace : i;
      }
      bytes += size;
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        lastSpace = i;
      }
    }
    return text.length();
  }

  private static boolean hasLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}

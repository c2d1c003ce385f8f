package io.shroud.connectors.comprehend;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs many short texts into few DetectPiiEntities requests (each under the byte limit), and maps
 * the answer's offsets back to each text. Comprehend counts offsets in Unicode code points; Java
 * indexes strings in UTF-16 units, which differ for characters outside the BMP (emoji, some CJK).
 */
final class TextBatcher {
  /** Between texts in one request: a paragraph break, so no entity is read across two cells. */
  static final String SEPARATOR = "\n\n";

  /** A request's text and, per piece, which input text it came from and where it starts. */
  record Batch(String text, List<Piece> pieces) {}

  /**
   * @param textIndex which input text
   * @param textOffset UTF-16 offset of this piece within that text (non-zero for split long texts)
   * @param batchStart UTF-16 offset of this piece within the batch text
   * @param length UTF-16 length of this piece
   */
  record Piece(int textIndex, int textOffset, int batchStart, int length) {}

  private final int maxBytes;

  TextBatcher(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  List<Batch> batches(List<String> texts) {
    List<Batch> batches = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    List<Piece> pieces = new ArrayList<>();
    int bytes = 0;
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t == null || t.isBlank()) {
        continue;
      }
      for (int[] chunk : chunks(t)) {
        String piece = t.substring(chunk[0], chunk[1]);
        int pieceBytes = utf8(piece);
        int extra = text.length() == 0 ? pieceBytes : pieceBytes + SEPARATOR.length();
        if (text.length() > 0 && bytes + extra > maxBytes) {
          batches.add(new Batch(text.toString(), List.copyOf(pieces)));
          text.setLength(0);
          pieces.clear();
          bytes = 0;
          extra = pieceBytes;
        }
        if (text.length() > 0) {
          text.append(SEPARATOR);
        }
        pieces.add(new Piece(i, chunk[0], text.length(), piece.length()));
        text.append(piece);
        bytes += extra;
      }
    }
    if (text.length() > 0) {
      batches.add(new Batch(text.toString(), List.copyOf(pieces)));
    }
    return batches;
  }

  /** Splits a text longer than the limit at whitespace (or, failing that, a code point boundary). */
  private List<int[]> chunks(String t) {
    List<int[]> chunks = new ArrayList<>();
    int start = 0;
    while (start < t.length()) {
      int end = start;
      int bytes = 0;
      while (end < t.length()) {
        int cp = t.codePointAt(end);
        int size = utf8(new String(Character.toChars(cp)));
        if (bytes + size > maxBytes) {
          break;
        }
        bytes += size;
        end += Character.charCount(cp);
      }
      if (end < t.length()) {
        int space = t.lastIndexOf(' ', end - 1);
        if (space > start) {
          end = space + 1;
        }
      }
      chunks.add(new int[] {start, end});
      start = end;
    }
    return chunks;
  }

  /** Code point offset in {@code text} to its UTF-16 index. */
  static int utf16Index(String text, int codePointOffset) {
    return text.offsetByCodePoints(0, Math.min(codePointOffset, text.codePointCount(0, text.length())));
  }

  static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}

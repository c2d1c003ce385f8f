package io.shroud.core.detect;

import java.util.Arrays;

/**
 * What a text must have for a detector to find anything in it, in terms of {@link TextFeatures}: at
 * least so many digits and letters, a token so long, one of some punctuation characters, and for digit-run shapes, all
 * the run lengths of one shape. The scanner checks each detector's gate before it calls the detector.
 * Most of the ~45 detectors cannot match most cells (no '@', no letters in an order number), and a
 * gate costs a few comparisons where the call cost a megamorphic dispatch and the detector's own
 * checks. A gate only skips work: it must be implied by every path on which its detector adds a
 * finding ({@code DetectorGatesTest} checks every detector's gate against its findings). Immutable.
 */
public final class TextGate {
  /** Admits every text. */
  public static final TextGate NONE = new TextGate(0, 0, 0, 0L, null);

  private final int minDigits;
  private final int minLetters;
  private final int minTokenRun;
  private final long anyMark;
  private final long[] runShapes;

  private TextGate(int minDigits, int minLetters, int minTokenRun, long anyMark, long[] runShapes) {
    this.minDigits = minDigits;
    this.minLetters = minLetters;
    this.minTokenRun = minTokenRun;
    this.anyMark = anyMark;
    this.runShapes = runShapes;
  }

  /** Texts with at least {@code count} ASCII digits. */
  public static TextGate digits(int count) {
    return NONE.withDigits(count);
  }

  /** Texts with at least {@code count} letters ({@link TextFeatures#upper()} plus {@link TextFeatures#lower()}). */
  public static TextGate letters(int count) {
    return NONE.withLetters(count);
  }

  /** Texts holding at least one of {@code marks} (printable ASCII punctuation). */
  public static TextGate anyOf(char... marks) {
    return NONE.withAnyOf(marks);
  }

  /** Texts with a token of at least {@code length} characters ({@link TextFeatures#maxTokenRun()}). */
  public static TextGate tokenRun(int length) {
    return NONE.withTokenRun(length);
  }

  public TextGate withDigits(int count) {
    return new TextGate(count, minLetters, minTokenRun, anyMark, runShapes);
  }

  public TextGate withLetters(int count) {
    return new TextGate(minDigits, count, minTokenRun, anyMark, runShapes);
  }

  public TextGate withTokenRun(int length) {
    return new TextGate(minDigits, minLetters, length, anyMark, runShapes);
  }

  public TextGate withAnyOf(char... marks) {
    long mask = 0L;
    for (char c : marks) {
      if (c <= ' ' || c >= 0x7f || Character.isLetterOrDigit(c)) {
        throw new IllegalArgumentException("Invalid gate mark '" + c + "': expected printable ASCII punctuation");
      }
      mask |= 1L << (c - ' '); // as TextFeatures records punctuation
    }
    return new TextGate(minDigits, minLetters, minTokenRun, mask, runShapes);
  }

  /**
   * Texts with, for one of {@code shapes} (each a set of run lengths as {@link TextFeatures#digitRunBit}
   * sets them), a maximal digit run of every length in it.
   */
  TextGate withRunShapes(long[] shapes) {
    return new TextGate(minDigits, minLetters, minTokenRun, anyMark, shapes.clone());
  }

  public boolean admits(TextFeatures features) {
    return features.digits() >= minDigits && features.upper() + features.lower() >= minLetters
        && features.maxTokenRun() >= minTokenRun && (anyMark == 0L || (features.punctuation() & anyMark) != 0L)
        && (runShapes == null || anyShapePresent(runShapes, features.digitRunLengths()));
  }

  /** Whether {@code present} (a text's run lengths) holds every length of one of {@code shapes}. */
  static boolean anyShapePresent(long[] shapes, long present) {
    for (long lengths : shapes) {
      if ((present & lengths) == lengths) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "TextGate[digits>=" + minDigits + ", letters>=" + minLetters + ", tokenRun>=" + minTokenRun + ", anyMark=" + Long.toHexString(anyMark)
        + ", runShapes=" + Arrays.toString(runShapes) + "]";
  }
}

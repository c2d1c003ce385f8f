package io.shroud.core.detect.ner;

import java.util.Set;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringUtil;

/**
 * Exactly the sentence spans of OpenNLP's {@link SentenceDetectorME#sentPosDetect}, without asking
 * its model when the answer cannot depend on it. The detector asks the model at every end-of-sentence
 * character; a "split" there ends the sentence at the end of that character's token. When every such
 * character lies in the block's last token, a split ends the sentence where the block ends anyway:
 * split or not, the answer is the whole block without its outer white space. Short texts (a chat
 * message, a note, a review) are mostly one sentence ending in a full stop, so most blocks are
 * answered here; the rest go to the detector, in its compiled form ({@link CompiledSentenceDetector})
 * when the model is of the plain kind that reproduces. One instance per thread, like the detector it wraps.
 */
final class SentenceSplitter {
  /** OpenNLP's detector, only for a model the compiled one cannot reproduce (else null). */
  private final SentenceDetectorME detector;
  /** The same decisions without strings, or null for a model only OpenNLP's own detector can run. */
  private final CompiledSentenceDetector compiled;
  private final Set<Character> enders;
  private final boolean[] asciiEnders = new boolean[128];
  private final boolean shortcut;

  SentenceSplitter(SentenceModel model) {
    this.compiled = CompiledSentenceDetector.of(model);
    this.detector = compiled == null ? new SentenceDetectorME(model) : null;
    SentenceDetectorFactory factory = model.getFactory();
    this.enders = factory.getEndOfSentenceScanner().getEOSCharacters();
    for (char c : enders) {
      if (c < 128) {
        asciiEnders[c] = true;
      }
    }
    // Without token ends a split cuts inside the last token, and the answer depends on the model.
    this.shortcut = factory.isUseTokenEnd();
  }

  /** The sentences of {@code block}, as {@code sentPosDetect} gives them (start and end; no probabilities). */
  Span[] sentences(String block) {
    int end = block.length();
    while (end > 0 && StringUtil.isWhitespace(block.charAt(end - 1))) {
      end--;
    }
    int lastToken = end;
    while (lastToken > 0 && !StringUtil.isWhitespace(block.charAt(lastToken - 1))) {
      lastToken--;
    }
    if (!shortcut || hasEnder(block, lastToken)) {
      return compiled != null ? compiled.sentPosDetect(block) : detector.sentPosDetect(block);
    }
    int start = 0;
    while (start < end && StringUtil.isWhitespace(block.charAt(start))) {
      start++;
    }
    return end > start ? new Span[] {new Span(start, end)} : new Span[0];
  }

  /** Whether an end-of-sentence character comes before {@code limit}. */
  private boolean hasEnder(String block, int limit) {
    for (int i = 0; i < limit; i++) {
      char c = block.charAt(i);
      if (c < 128 ? asciiEnders[c] : enders.contains(c)) {
        return true;
      }
    }
    return false;
  }
}

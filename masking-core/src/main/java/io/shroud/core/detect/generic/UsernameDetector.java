package io.shroud.core.detect.generic;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handles in chats and posts ({@code @rahul_92}, {@code @MariaGarcia}): a handle identifies the person
 * who owns it as surely as a name does, so it is reported as {@link EntityType#USERNAME} and masked by
 * default. A handle starts a word: the {@code @} follows the start of the text, a space or opening
 * punctuation. An {@code @} after anything else is inside an e-mail address, masked or not
 * ({@code so****@example.com}, {@code a+b@x.org}), and is not a handle; neither is a time or a price
 * after "@" ({@code @10am}, {@code @5}): a handle holds a letter.
 */
public final class UsernameDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![^\\s(\\[{\"'“‘«,;:/|>])@(?=[\\p{L}\\p{N}_.]{0,29}\\p{L})[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.]{0,28}[\\p{L}\\p{N}_])?"
          + "(?![\\p{L}\\p{N}_@]|\\.[\\p{L}\\p{N}])");

  /** "@10am", "@9:30pm", "@18h": a time, not a handle. */
  private static final Pattern TIME = Pattern.compile("@\\d{1,2}(?::\\d{2})?(?:am|pm|h)", Pattern.CASE_INSENSITIVE);

  public UsernameDetector() {
    super("username", EntityType.USERNAME, CANDIDATE, List.of());
  }

  @Override
  public TextGate gate() {
    return TextGate.anyOf('@');
  }

  /** Characters a handle's '@' may follow (besides the start of the text): as in {@link #CANDIDATE}. */
  private static final String OPENERS = "([{\"'“‘«,;:/|>";

  /** Some '@' starts a word: e-mail addresses (an '@' after a letter, digit or mask) are ruled out at once. */
  @Override
  protected boolean mayContain(TextFeatures features) {
    if (!features.has('@')) {
      return false;
    }
    String text = features.text();
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      if (at == 0 || Character.isWhitespace(text.charAt(at - 1)) || OPENERS.indexOf(text.charAt(at - 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** A handle starts at an '@' and is at most 31 characters long. */
  @Override
  protected int[] searchWindow(TextFeatures features) {
    String text = features.text();
    return new int[] {text.indexOf('@'), Math.min(text.length(), text.lastIndexOf('@') + 32)};
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    if (TIME.matcher(match.group()).matches()) {
      return null;
    }
    return new Score(0.7, "handle after @");
  }
}

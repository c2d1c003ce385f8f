package io.shroud.core.detect.check;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rejects regexes with the obvious catastrophic-backtracking shape: a repeated group that itself
 * contains an unbounded quantifier, like {@code (a+)+}, {@code (\w+\s?)*} or {@code (x*y){2,}}.
 * Such patterns take exponential time on a near-miss input. This is a syntactic check, not a
 * proof: overlapping alternatives inside a repeated group ({@code (a|a)*}) are not caught.
 */
public final class RegexSafety {
  /** Longest custom regex accepted; longer ones are almost always generated and hard to review. */
  public static final int MAX_LENGTH = 2000;

  private RegexSafety() {}

  /** Returns why the regex is unsafe or invalid, or empty when it is acceptable. */
  public static Optional<String> problem(String regex) {
    if (regex == null || regex.isEmpty()) {
      return Optional.of("regex is empty");
    }
    if (regex.length() > MAX_LENGTH) {
      return Optional.of("regex longer than " + MAX_LENGTH + " characters");
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return Optional.of("regex does not compile (" + e.getDescription() + " near index " + e.getIndex() + ")");
    }
    return nestedUnboundedQuantifier(regex);
  }

  private static Optional<String> nestedUnboundedQuantifier(String regex) {
    Deque<boolean[]> groups = new ArrayDeque<>(); // per open group: does it contain an unbounded quantifier?
    groups.push(new boolean[1]);
    boolean lastAtomGroupUnbounded = false; // the atom just closed was a group with an unbounded quantifier
    int i = 0;
    int n = regex.length();
    while (i < n) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i += regex.startsWith("Q", i + 1) ? skipQuoted(regex, i) : 2;
        lastAtomGroupUnbounded = false;
        continue;
      }
      if (c == '[') {
        i = skipClass(regex, i);
        lastAtomGroupUnbounded = false;
        continue;
      }
      if (c == '(') {
        groups.push(new boolean[1]);
        i = skipGroupPrefix(regex, i + 1);
        lastAtomGroupUnbounded = false;
        continue;
      }
      if (c == ')') {
        boolean[] closed = groups.size() > 1 ? groups.pop() : groups.peek();
        lastAtomGroupUnbounded = closed[0];
        if (closed[0]) {
          groups.peek()[0] = true;
        }
        i++;
        continue;
      }
      if (c == '*' || c == '+' || c == '?' || c == '{') {
        int end = c == '{' ? regex.indexOf('}', i) : i;
        if (end < 0) {
          break;
        }
        String quantifier = regex.substring(i, end + 1);
        boolean unbounded = c == '*' || c == '+' || (c == '{' && quantifier.endsWith(",}"));
        boolean repeats = !quantifier.equals("?") && !quantifier.matches("\\{[01](,1)?}");
        if (lastAtomGroupUnbounded && repeats) {
          return Optional.of("nested unbounded quantifier at index " + i + " (a repeated group that contains"
              + " '*', '+' or '{n,}' can backtrack exponentially)");
        }
        if (unbounded) {
          groups.peek()[0] = true;
        }
        i = end + 1;
        // Possessive or lazy suffix.
        if (i < n && (regex.charAt(i) == '+' || regex.charAt(i) == '?')) {
          i++;
        }
        lastAtomGroupUnbounded = false;
        continue;
      }
      lastAtomGroupUnbounded = false;
      i++;
    }
    return Optional.empty();
  }

  /** Skips "?:", "?=", "?<name>", "?i:" and the like after an opening parenthesis. */
  private static int skipGroupPrefix(String regex, int i) {
    if (i >= regex.length() || regex.charAt(i) != '?') {
      return i;
    }
    i++;
    if (i < regex.length() && regex.charAt(i) == '<') {
      if (i + 1 < regex.length() && (regex.charAt(i + 1) == '=' || regex.charAt(i + 1) == '!')) {
        return i + 2;
      }
      int close = regex.indexOf('>', i);
      return close < 0 ? regex.length() : close + 1;
    }
    while (i < regex.length() && regex.charAt(i) != ':' && regex.charAt(i) != ')'
        && "=!>".indexOf(regex.charAt(i)) < 0) {
      i++;
    }
    return i < regex.length() && regex.charAt(i) != ')' ? i + 1 : i;
  }

  private static int skipQuoted(String regex, int at) {
    int end = regex.indexOf("\\E", at + 2);
    return (end < 0 ? regex.length() : end + 2) - at;
  }

  private static int skipClass(String regex, int at) {
    int depth = 0;
    int i = at;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        depth++;
      } else if (c == ']' && i > at + 1 && regex.charAt(i - 1) != '[' && !(i == at + 2 && regex.charAt(at + 1) == '^')) {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return regex.length();
  }
}

package io.shroud.core.detect.credential;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.TextFeatures;
import java.util.List;
import java.util.Locale;

/**
 * API tokens of well-known providers, recognised by their documented prefixes: GitHub (ghp_, gho_,
 * ghu_, ghs_, ghr_, github_pat_), Slack (xoxb-, xoxp-, xoxa-, xoxo-, xoxr-, xoxs-), Stripe live keys
 * (sk_live_, rk_live_), Google API keys (AIza), OpenAI / Anthropic style (sk-...), GitLab (glpat-)
 * and npm (npm_). Each prefix is found with indexOf and the body checked by hand, so texts without
 * a prefix cost a few string searches.
 */
public final class ApiTokenDetector implements Detector {
  /** A provider token: literal prefix, body alphabet, body length bounds. */
  private record Kind(String prefix, String provider, boolean allowDashUnderscore, int minBody, int maxBody,
      int[] prefixWords, boolean needsUnderscore, boolean needsDash) {
    Kind(String prefix, String provider, boolean allowDashUnderscore, int minBody, int maxBody) {
      this(prefix, provider, allowDashUnderscore, minBody, maxBody, prefixWords(prefix), prefix.indexOf('_') >= 0,
          prefix.indexOf('-') >= 0);
    }

    /**
     * A prefix holding '_' or '-' cannot occur in a text without that character. A prefix ending in
     * '_' or '-' after a non-letter (so at a word start) makes its letter runs whole words of an ASCII
     * text ("ghp", "sk" and "live"), which the text's word filter can rule out.
     */
    boolean mayOccur(TextFeatures features) {
      return (!needsUnderscore || features.has('_')) && (!needsDash || features.has('-'))
          && (prefixWords == null || !features.ascii() || features.mayContainWholeWord(prefixWords));
    }

    private static int[] prefixWords(String prefix) {
      char last = prefix.charAt(prefix.length() - 1);
      return last == '_' || last == '-' ? TextFeatures.wordRunHashes(prefix.toLowerCase(Locale.ROOT)) : null;
    }
  }

  private static final Kind[] KINDS = {
      new Kind("ghp_", "GitHub", false, 36, 255),
      new Kind("gho_", "GitHub", false, 36, 255),
      new Kind("ghu_", "GitHub", false, 36, 255),
      new Kind("ghs_", "GitHub", false, 36, 255),
      new Kind("ghr_", "GitHub", false, 36, 255),
      new Kind("github_pat_", "GitHub", true, 22, 255),
      new Kind("xoxb-", "Slack", true, 10, 255),
      new Kind("xoxp-", "Slack", true, 10, 255),
      new Kind("xoxa-", "Slack", true, 10, 255),
      new Kind("xoxo-", "Slack", true, 10, 255),
      new Kind("xoxr-", "Slack", true, 10, 255),
      new Kind("xoxs-", "Slack", true, 10, 255),
      new Kind("sk_live_", "Stripe", false, 16, 255),
      new Kind("rk_live_", "Stripe", false, 16, 255),
      new Kind("AIza", "Google", true, 35, 35),
      new Kind("sk-", "OpenAI-style", true, 32, 255),
      new Kind("glpat-", "GitLab", true, 20, 255),
      new Kind("npm_", "npm", false, 36, 36)};

  @Override
  public String id() {
    return "api_token";
  }

  @Override
  public EntityType entityType() {
    return EntityType.API_TOKEN;
  }

  @Override
  public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
    if (features.length() < 14 || !(features.has('_') || features.has('-') || features.upper() >= 2)) {
      return;
    }
    for (Kind kind : KINDS) {
      if (!kind.mayOccur(features)) {
        continue;
      }
      int from = 0;
      int at;
      while ((at = text.indexOf(kind.prefix(), from)) >= 0) {
        from = at + kind.prefix().length();
        if (at > 0 && isTokenChar(text.charAt(at - 1), true)) {
          continue;
        }
        int end = from;
        int limit = Math.min(text.length(), from + kind.maxBody() + 1);
        while (end < limit && isTokenChar(text.charAt(end), kind.allowDashUnderscore())) {
          end++;
        }
        int body = end - from;
        boolean boundary = end >= text.length() || !isTokenChar(text.charAt(end), true);
        if (body >= kind.minBody() && body <= kind.maxBody() && boundary && mixed(text, from, end)) {
          out.add(new Finding(EntityType.API_TOKEN, at, end, 0.9, id(), kind.provider() + " token prefix and body"));
          from = end;
        }
      }
    }
  }

  private static boolean isTokenChar(char c, boolean dashUnderscore) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || (dashUnderscore && (c == '-' || c == '_'));
  }

  /** Random tokens mix character classes; "sk-aaaaaaaa..." or a long kebab-case word does not. */
  private static boolean mixed(String text, int from, int to) {
    boolean letter = false;
    boolean digit = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      letter |= Character.isLetter(c);
      digit |= c >= '0' && c <= '9';
    }
    return letter && digit;
  }
}

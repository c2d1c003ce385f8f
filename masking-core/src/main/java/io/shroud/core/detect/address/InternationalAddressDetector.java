package io.shroud.core.detect.address;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses written the European and Latin American way, with the house number after the
 * street: a street name ending in a street word of its language ({@code Hauptstraße 5},
 * {@code Koskikatu 25}, {@code Drottninggatan 12}, {@code Keizersgracht 123}), or a street word
 * followed by the name ({@code Rua do Arenque 1634}, {@code Calle Mayor, 3}, {@code Via Roma 12},
 * {@code Rue de Rivoli 99}), with an optional unit. The street word and a capitalised name are both
 * required, so "via 3 channels" or "Suite 5" alone are not addresses. US military mail addresses
 * ({@code PSC 0413, Box 8144, APO AA 42323}) are found here too.
 */
public final class InternationalAddressDetector extends RegexDetector {
  private static final String NAME = "[\\p{Lu}][\\p{L}'\u2019.-]{1,30}";
  private static final String SUFFIXES = "straße|strasse|str\\.|gasse|weg|allee|platz|damm|ufer|katu|tie|kuja|polku"
      + "|gatan|vägen|gata|gränd|gade|vej|veien|vei|straat|laan|gracht|plein|kade|utca|ulica|ulice|iela|gatvė|tänav";
  private static final String PREFIXES = "Rua|Avenida|Av\\.|Calle|C/|Carrer|Carretera|Camino|Paseo|Plaza|Praça|Travessa"
      + "|Largo|Alameda|Via|Viale|Piazza|Piazzale|Corso|Strada|Vicolo|Rue|Avenue|Chemin|Boulevard|Allée|Impasse|Quai"
      + "|Ulica|ul\\.|Aleja|al\\.";
  private static final String PARTICLES = "(?:d[aeo]s?|de|del|della|delle|degli|di|la|las|le|les|los|du|des|l'|d')";
  private static final String UNIT = "(?<unit>,?[ \\t]{0,3}(?:Apt|Apartment|Suite|Ste|Unit|Piso|Andar|Wohnung|Top|"
      + "Dpto|Depto|Int|Esc|Bl|Bloco|Etage|#)(?![a-z])\\.?[ \\t]{0,3}#?[A-Za-z0-9º°ª/-]{1,6}\\b)?";
  private static final String STREET_WORDS = "Strasse|Straße|Gasse|Weg|Allee|Platz|Stræde|Gade|Vej|Straat|Laan|Gata"
      + "|Gate|Vei|Utca|Ulica|Iela";
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\p{L}\\d])(?:"
          // Military mail: PSC 0413, Box 8144, APO AA 42323.
          + "(?<military>(?:PSC|CMR|Unit)[ \\t]\\d{3,5},?[ \\t]{1,3}Box[ \\t]\\d{3,5}"
          + "(?:[ \\t,\\n]{1,6}(?:APO|FPO|DPO)[ \\t](?:AA|AE|AP)[ \\t]\\d{5})?)"
          + "|(?:\\d{1,6}[A-Za-z]?[ \\t]{1,3})?(?:"
          + "(?:" + NAME + "[ \\t]{1,3}){0,3}[\\p{Lu}][\\p{L}'-]{0,30}(?:" + SUFFIXES + ")"
          + "|(?:" + NAME + "[ \\t]{1,3}){1,3}(?:" + STREET_WORDS + ")"
          + "|(?:" + PREFIXES + ")[ \\t]{1,3}(?:(?:" + PARTICLES + ")[ \\t]{0,3}|" + NAME + "[ \\t]{1,3}){0,4}" + NAME
          + ")[ \\t]{0,3},?[ \\t]{1,3}(?:n[º°o]\\.?[ \\t]{0,2})?\\d{1,5}[A-Za-z]?(?![\\d\\p{L}])" + UNIT + ")");

  public InternationalAddressDetector() {
    super("address_intl", EntityType.ADDRESS, CANDIDATE, List.of(
        "address", "adresse", "dirección", "direccion", "endereço", "indirizzo", "osoite", "adres", "live", "lives",
        "living", "ship", "shipping", "deliver", "delivery", "mailing", "residence", "moved", "wohnt", "vive"));
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(1).withLetters(1);
  }

  /** The literal words one of which every match holds, for {@link #mayContain}. */
  private static final Set<String> PREFIX_WORDS = words(PREFIXES.replace("\\", ""));
  private static final Set<String> WHOLE_WORDS = words(STREET_WORDS + "|PSC|CMR|Unit");
  private static final String[] SUFFIX_LIST = SUFFIXES.replace("\\", "").split("\\|");

  private static Set<String> words(String alternatives) {
    return Set.of(alternatives.split("\\|"));
  }

  /**
   * Every match holds a street word of a known form: a street prefix ("Rua", "Via", "ul."), a separate
   * street word ("Gasse", "Vej"), a capitalised word ending in a street suffix ("Koskikatu",
   * "Hauptstraße") or a military mail word (PSC, CMR, Unit). A text without one is skipped before the
   * pattern, which is costly to try at every capitalised word of a long text.
   */
  @Override
  protected boolean mayContain(TextFeatures features) {
    if (features.digits() < 1 || features.upper() < 1) {
      return false;
    }
    String text = features.text();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (!Character.isLetter(text.charAt(i)) || (i > 0 && Character.isLetter(text.charAt(i - 1)))) {
        continue;
      }
      int end = i;
      while (end < n && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '\'' || text.charAt(end) == '-')) {
        end++;
      }
      if (!Character.isUpperCase(text.charAt(i))) {
        // Only "ul." and "al." are lower-case; everything else starts with a capital.
        if (end - i == 2 && end < n && text.charAt(end) == '.' && (text.startsWith("ul", i) || text.startsWith("al", i))) {
          return true;
        }
        i = end - 1;
        continue;
      }
      String word = text.substring(i, end);
      String marked = end < n && (text.charAt(end) == '.' || text.charAt(end) == '/') ? word + text.charAt(end) : null;
      if (PREFIX_WORDS.contains(word) || (marked != null && PREFIX_WORDS.contains(marked)) || WHOLE_WORDS.contains(word)
          || hasStreetSuffix(word, marked)) {
        return true;
      }
      i = end - 1;
    }
    return false;
  }

  private static boolean hasStreetSuffix(String word, String marked) {
    for (String suffix : SUFFIX_LIST) {
      if (word.length() > suffix.length() && word.endsWith(suffix)
          || marked != null && marked.length() > suffix.length() && marked.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every match holds a house number (or a PSC/Box number) right after a word, so the pattern runs
   * only around numeric clusters that follow a letter within a few characters, from far enough before
   * them to take in a leading number and up to five street-name words, and far enough after for a unit.
   * Trying the pattern at every capitalised word of a long text was most of the catalogue's cost.
   */
  @Override
  protected int minClusterDigits(TextFeatures features) {
    return 1;
  }

  @Override
  protected boolean clusterMayMatch(String text, int clusterStart, int clusterEnd) {
    for (int i = clusterStart - 1; i >= 0 && i >= clusterStart - 8; i--) {
      if (Character.isLetter(text.charAt(i))) {
        return true; // "Koskikatu 25", "Calle Mayor, 3", "n\u00ba 12", "PSC 0413"
      }
    }
    return false;
  }

  @Override
  protected int clusterMarginBefore() {
    return MARGIN_BEFORE;
  }

  @Override
  protected int clusterMarginAfter() {
    return MARGIN_AFTER;
  }

  /** A leading number, a street prefix, up to five name words or particles of up to 31 letters with spaces. */
  private static final int MARGIN_BEFORE = 220;
  /** After a leading number: the street name, its house number and a unit (", Apartment # 12/3B"). */
  private static final int MARGIN_AFTER = 96;

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    if (match.group("military") != null) {
      return new Score(0.75, "military mail address (PSC/Unit, Box, APO/FPO/DPO)");
    }
    return match.group("unit") != null ? new Score(0.7, "street, house number and unit")
        : new Score(0.6, "street name with its street word and a house number");
  }
}

package io.shroud.core.detect.quality;

import io.shroud.core.detect.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Presidio's recognizer test tables (copied under src/test/resources/conformance/presidio). */
final class PresidioCases {
  static final String ROOT = "/conformance/presidio/";

  /** Presidio recognizer table → the Shroud entity type it tests. Only supported types are listed. */
  static final Map<String, EntityType> SUPPORTED = Map.ofEntries(
      Map.entry("aba_routing", EntityType.ABA_ROUTING),
      Map.entry("au_abn", EntityType.AU_ABN),
      Map.entry("au_medicare", EntityType.AU_MEDICARE),
      Map.entry("au_tfn", EntityType.AU_TFN),
      Map.entry("ca_sin", EntityType.CA_SIN),
      Map.entry("credit_card", EntityType.CREDIT_CARD),
      Map.entry("crypto", EntityType.CRYPTO_WALLET),
      Map.entry("de_tax_id", EntityType.DE_TAX_ID),
      Map.entry("email", EntityType.EMAIL),
      Map.entry("es_nie", EntityType.ES_NIE),
      Map.entry("es_nif", EntityType.ES_NIF),
      Map.entry("iban", EntityType.IBAN),
      Map.entry("in_aadhaar", EntityType.IN_AADHAAR),
      Map.entry("ip", EntityType.IP_ADDRESS),
      Map.entry("it_fiscal_code", EntityType.IT_FISCAL_CODE),
      Map.entry("mac", EntityType.MAC_ADDRESS),
      Map.entry("phone", EntityType.PHONE),
      Map.entry("pl_pesel", EntityType.PL_PESEL),
      Map.entry("uk_nhs", EntityType.UK_NHS),
      Map.entry("uk_nino", EntityType.UK_NINO),
      Map.entry("uk_postcode", EntityType.POSTAL_CODE),
      Map.entry("url", EntityType.URL),
      Map.entry("us_bank", EntityType.US_BANK_ACCOUNT),
      Map.entry("us_driver_license", EntityType.US_DRIVER_LICENSE),
      Map.entry("us_itin", EntityType.US_ITIN),
      Map.entry("us_passport", EntityType.US_PASSPORT),
      Map.entry("us_ssn", EntityType.US_SSN));

  /** One row: the input text and how many findings Presidio expects. */
  record Case(String file, int row, String text, int expectedCount, String extra) {
    /** Stable key for the exception list: file, text and expected count. */
    String key() {
      return file + " | " + text + " | " + expectedCount;
    }

    /** Upper ends of Presidio's expected score ranges (or its single expected score), in order. */
    List<Double> expectedScoreMaxima() {
      List<Double> maxima = new ArrayList<>();
      Matcher ranges = RANGE.matcher(extra);
      while (ranges.find()) {
        maxima.add(Double.parseDouble(ranges.group(1)));
      }
      Matcher single = SINGLE.matcher(extra);
      if (maxima.isEmpty() && single.find()) {
        maxima.add(Double.parseDouble(single.group(1)));
      }
      return maxima;
    }
  }

  private static final Pattern RANGE =
      Pattern.compile("\\[\\s*[0-9.]+\\s*,\\s*([0-9.]+)\\s*\\]");
  private static final Pattern SINGLE =
      Pattern.compile("\"expected_score\"\\s*:\\s*([0-9.]+)");

  private PresidioCases() {}

  static List<Case> load(String file) {
    String resource = ROOT + file + "_recognizer.tsv";
    try (InputStream in = PresidioCases.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Case> cases = new ArrayList<>();
      reader.readLine(); // header
      String line;
      int row = 1;
      while ((line = reader.readLine()) != null) {
        row++;
        String[] cols = line.split("\t", -1);
        cases.add(new Case(file, row, unescape(cols[0]), Integer.parseInt(cols[2].trim()), cols.length > 4 ? cols[4] : ""));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        if (n == 't' || n == 'n' || n == '\\') {
          sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : '\\');
          i++;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }
}

package io.shroud.core.detect.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.scan.TextScanner;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Phone numbers that no operator assigned (new and unassigned area codes, test ranges, typos) written
 * the way only phone numbers are written must be masked; ordinary numbers written their own ways
 * must not be. Generated here from the class of each case, never from an error listing: phones in
 * every layout PhoneLayouts knows, in support-note and chat sentences with and without a phone word,
 * against decoys people write next to them (order and tracking numbers with and without their word,
 * amounts, timestamps, dates, SKUs, versions, ISBNs, ZIP+4, coordinates, ranges, measurements, IP
 * addresses, SSNs). Default settings (phone region US), no NER.
 */
class PhoneLayoutQualityTest {
  private static final TextScanner SCANNER =
      TextScanner.standard(DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED));
  private final Random random = new Random(17L);

  private static final String[] PHONE_SENTENCES = {
      "You can reach me at %s.", "My number is %s, thanks.", "Call back on %s after 5pm.", "mobile: %s",
      "Customer phoned from %s about the delivery.", "ok my cell is %s", "Tel. %s / fax on request",
      "%s is the best number to get me.", "please text %s when you arrive", "Contact %s for the keys.",
      "Update my number to %s please.", "Left a voicemail at %s.", "It's %s, or email me instead.",
      "New number: %s", "reach me on %s or at the office", "I'm at %s until Friday."};
  private static final String[] PLAIN_SENTENCES = {
      "Order %s shipped on Monday.", "Tracking number %s, out for delivery.", "Invoice %s paid in full.",
      "Refund of %s issued today.", "The job finished at %s without errors.", "Restocked SKU %s in aisle 4.",
      "Upgraded to version %s last night.", "ISBN %s is out of print.", "Ship to ZIP %s.",
      "Coordinates %s for the pickup.", "Opening hours %s on weekdays.", "The box is %s cm.",
      "Blocked logins from %s after five failures.", "Verified SSN %s on the call.", "Ticket %s was closed.",
      "Reference %s in all replies.", "Serial %s is under warranty.", "Confirmation %s sent by e-mail.",
      "Meeting moved to %s.", "Batch %s passed QA."};

  @Test
  void possibleNumbersInPhoneLayoutsAreFoundAndOrdinaryNumbersKept() {
    Map<String, int[]> phones = new TreeMap<>();
    for (int i = 0; i < 6_000; i++) {
      String[] layout = phone();
      String text = String.format(Locale.ROOT, PHONE_SENTENCES[random.nextInt(PHONE_SENTENCES.length)], layout[1]);
      boolean found = covered(text, layout[1], EntityType.PHONE);
      phones.computeIfAbsent(layout[0], k -> new int[2])[found ? 0 : 1]++;
    }
    Map<String, int[]> decoys = new TreeMap<>();
    for (int i = 0; i < 10_000; i++) {
      int kind = random.nextInt(PLAIN_SENTENCES.length);
      String value = decoy(kind);
      String text = String.format(Locale.ROOT, PLAIN_SENTENCES[kind], value);
      boolean damaged = covered(text, value, EntityType.PHONE);
      decoys.computeIfAbsent(PLAIN_SENTENCES[kind].split(" ")[0], k -> new int[2])[damaged ? 1 : 0]++;
    }
    int[] phoneTotal = total(phones);
    int[] decoyTotal = total(decoys);
    System.out.println("Phones in layouts (found/missed):");
    phones.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-34s %5d / %d%n", k, v[0], v[1]));
    System.out.println("Decoys (kept/masked as phone):");
    decoys.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-34s %5d / %d%n", k, v[0], v[1]));
    double recall = (double) phoneTotal[0] / (phoneTotal[0] + phoneTotal[1]);
    double damage = (double) decoyTotal[1] / (decoyTotal[0] + decoyTotal[1]);
    System.out.printf(Locale.ROOT, "phone recall %.4f, decoy damage %.4f%n", recall, damage);
    assertThat(recall).isGreaterThanOrEqualTo(0.99);
    assertThat(damage).isLessThanOrEqualTo(0.01);
  }

  private static int[] total(Map<String, int[]> counts) {
    int[] t = new int[2];
    counts.values().forEach(v -> {
      t[0] += v[0];
      t[1] += v[1];
    });
    return t;
  }

  private static boolean covered(String text, String value, EntityType type) {
    int at = text.indexOf(value);
    for (Finding f : SCANNER.scan(text, DetectionContext.NONE)) {
      if (f.type().equals(type) && f.start() <= at && f.end() >= at + value.length() - 1) {
        return true;
      }
    }
    return false;
  }

  /** A layout name and a possible number in it, mostly unassigned or test ranges. */
  private String[] phone() {
    String area = String.valueOf(2 + random.nextInt(8)) + digits(2); // any NXX: many are unassigned
    String exchange = String.valueOf(2 + random.nextInt(8)) + digits(2);
    String line = digits(4);
    return switch (random.nextInt(11)) {
      case 0 -> new String[] {"(NXX) NXX-XXXX", "(" + area + ") " + exchange + "-" + line};
      case 1 -> new String[] {"NXX-NXX-XXXX", area + "-" + exchange + "-" + line};
      case 2 -> new String[] {"NXX.NXX.XXXX", area + "." + exchange + "." + line};
      case 3 -> new String[] {"NXX NXX XXXX", area + " " + exchange + " " + line};
      case 4 -> new String[] {"+1 NXX NXX XXXX", "+1 " + area + " " + exchange + " " + line};
      case 5 -> new String[] {"1-NXX-NXX-XXXX", "1-" + area + "-" + exchange + "-" + line};
      case 6 -> new String[] {"+CC international", "+" + pick("44", "49", "33", "34", "39", "61", "91", "81", "55", "27")
          + " " + digits(2) + " " + digits(4) + " " + digits(4)};
      case 7 -> new String[] {"0X XXXX XXXX (trunk)", "0" + (1 + random.nextInt(9)) + " " + digits(4) + " " + digits(4)};
      case 8 -> new String[] {"0XXXX XXXXXX (trunk)", "0" + (1 + random.nextInt(9)) + digits(3) + " " + digits(6)};
      case 9 -> new String[] {"0X XX XX XX XX (trunk)", "0" + (1 + random.nextInt(9)) + " " + digits(2) + " " + digits(2)
          + " " + digits(2) + " " + digits(2)};
      default -> new String[] {"(NXX)NXX-XXXX", "(" + area + ")" + exchange + "-" + line};
    };
  }

  private String decoy(int kind) {
    return switch (kind) {
      case 0 -> pick(() -> "7" + digits(15), () -> digits(3) + "-" + digits(7) + "-" + digits(7), () -> digits(10));
      case 1 -> pick(() -> "1Z" + digits(16), () -> digits(12), () -> digits(4) + " " + digits(4) + " " + digits(4));
      case 2 -> pick(() -> digits(3) + "-" + digits(5) + "-" + digits(2), () -> "INV" + digits(8), () -> digits(9));
      case 3 -> pick(() -> "$" + (1 + random.nextInt(9)) + "," + digits(3) + "." + digits(2),
          () -> (1 + random.nextInt(9)) + " " + digits(3) + " " + digits(3) + ",00 EUR",
          () -> (1 + random.nextInt(999)) + "." + digits(2) + " USD");
      case 4 -> pick(() -> "2024-" + two(12) + "-" + two(28) + " " + two(23) + ":" + two(59) + ":" + two(59),
          () -> "17" + digits(8), () -> two(12) + "/" + two(28) + "/2025 " + two(12) + ":" + two(59));
      case 5 -> pick(() -> digits(3) + "-" + digits(3) + "-" + digits(3), () -> "SKU-" + digits(3) + "-" + digits(3) + "-"
          + digits(4), () -> digits(4) + "-" + digits(4));
      case 6 -> pick(() -> (1 + random.nextInt(9)) + "." + random.nextInt(30) + "." + random.nextInt(200),
          () -> "10.0." + digits(5) + "." + digits(4), () -> random.nextInt(5) + "." + digits(2) + "." + digits(3));
      case 7 -> pick(() -> "978-" + random.nextInt(10) + "-" + digits(3) + "-" + digits(5) + "-" + random.nextInt(10),
          () -> "978" + digits(10));
      case 8 -> (1 + random.nextInt(9)) + digits(4) + "-" + digits(4);
      case 9 -> (10 + random.nextInt(80)) + "." + digits(4) + ", -" + (10 + random.nextInt(170)) + "." + digits(4);
      case 10 -> two(12) + ":00-" + two(12) + ":00";
      case 11 -> (10 + random.nextInt(90)) + " x " + (10 + random.nextInt(90)) + " x " + (10 + random.nextInt(90));
      case 12 -> (11 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
      case 13 -> pick(() -> String.format(Locale.ROOT, "%03d-%02d-%04d", 1 + random.nextInt(665), 1 + random.nextInt(99),
          1 + random.nextInt(9999)), () -> String.format(Locale.ROOT, "%03d %02d %04d", 1 + random.nextInt(665),
          1 + random.nextInt(99), 1 + random.nextInt(9999)));
      case 14 -> pick(() -> digits(3) + "-" + digits(3) + "-" + digits(4), () -> "#" + digits(7));
      case 15 -> pick(() -> digits(3) + "." + digits(3) + "." + digits(4), () -> digits(10));
      case 16 -> pick(() -> digits(3) + " " + digits(3) + " " + digits(4), () -> "SN" + digits(10));
      case 17 -> pick(() -> digits(10), () -> digits(3) + "-" + digits(3) + "-" + digits(4));
      case 18 -> pick(() -> "14:" + two(59), () -> two(28) + "." + two(12) + "." + "2025");
      default -> pick(() -> "B" + digits(7), () -> digits(6));
    };
  }

  @SafeVarargs
  private String pick(Supplier<String>... options) {
    return options[random.nextInt(options.length)].get();
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private String two(int max) {
    return String.format(Locale.ROOT, "%02d", 1 + random.nextInt(max));
  }

  private String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }
}

package io.shroud.core.detect.quality;

import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.check.Checksums;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A labelled generator of free text and table cells holding structured PII and decoys that look like
 * PII but are not: Luhn-failing 16-digit order numbers, SKUs, timestamps, amounts, version strings,
 * tracking numbers, UUIDs and hex hashes. Each sample records where its one value sits, so a test
 * can count missed PII and masked decoys.
 */
final class DecoyCorpus {
  /** One sample: the text (a sentence or a cell), its column (null for free text) and the value's span. */
  record Sample(String text, String column, int start, int end, EntityType expected, String kind) {
    boolean isDecoy() {
      return expected == null;
    }
  }

  private static final String HEX = "0123456789abcdef";
  private final Random random;

  DecoyCorpus(long seed) {
    this.random = new Random(seed);
  }

  List<Sample> generate(int count) {
    List<Sample> samples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      samples.add(i % 2 == 0 ? decoy(random.nextInt(14)) : pii(random.nextInt(10)));
    }
    return samples;
  }

  private Sample decoy(int kind) {
    return switch (kind) {
      case 0 -> text("Order %s shipped; tracking shows delivered.", luhnFailing16(), "order number", null);
      case 1 -> cell("order_number", luhnFailing16(), "order number", null);
      case 2 -> text("Restocked SKU %s in aisle 4.", sku(), "SKU", null);
      case 3 -> text("Job finished at %s without errors.", timestamp(), "timestamp", null);
      case 4 -> cell("created_at", timestamp(), "timestamp", null);
      case 5 -> text("Refund of %s issued to the original method.", amount(), "amount", null);
      case 6 -> text("Upgraded the agent to version %s last night.", version(), "version", null);
      case 7 -> cell("app_version", version(), "version", null);
      case 8 -> text("Parcel tracking number %s is out for delivery.", tracking(), "tracking", null);
      case 9 -> cell("tracking_number", tracking(), "tracking", null);
      case 10 -> text("Request %s failed with 502, retried.", uuid(), "UUID", null);
      case 11 -> cell("request_id", uuid(), "UUID", null);
      case 12 -> text("Deployed commit %s to staging.", hex(random.nextBoolean() ? 40 : 64), "hex hash", null);
      default -> cell("checksum", hex(32), "hex hash", null);
    };
  }

  private Sample pii(int kind) {
    return switch (kind) {
      case 0 -> text("Please email me at %s about the refund.", email(), "email", EntityType.EMAIL);
      case 1 -> cell("email", email(), "email", EntityType.EMAIL);
      case 2 -> text("Customer called from %s about the delivery.", phone(), "phone", EntityType.PHONE);
      case 3 -> text("Paid with card %s yesterday.", card(), "card", EntityType.CREDIT_CARD);
      case 4 -> cell("card_number", card(), "card", EntityType.CREDIT_CARD);
      case 5 -> text("Verified SSN %s on the call.", ssn(), "ssn", EntityType.US_SSN);
      case 6 -> text("Blocked logins from %s after five failures.", ipv4(), "ip", EntityType.IP_ADDRESS);
      case 7 -> text("Send the refund to IBAN %s please.", iban(), "iban", EntityType.IBAN);
      case 8 -> text("Rotated the leaked key %s today.", awsKeyId(), "aws key", EntityType.AWS_ACCESS_KEY_ID);
      default -> cell("device_mac", mac(), "mac", EntityType.MAC_ADDRESS);
    };
  }

  private static Sample text(String template, String value, String kind, EntityType type) {
    int at = template.indexOf("%s");
    String text = template.substring(0, at) + value + template.substring(at + 2);
    return new Sample(text, null, at, at + value.length(), type, kind);
  }

  private static Sample cell(String column, String value, String kind, EntityType type) {
    return new Sample(value, column, 0, value.length(), type, kind);
  }

  private String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }

  private String luhnFailing16() {
    String payload = (1 + random.nextInt(9)) + digits(14);
    char check = Checksums.luhnCheckDigit(payload);
    return payload + (char) ('0' + (check - '0' + 1 + random.nextInt(9)) % 10);
  }

  private String sku() {
    String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    return "" + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()))
        + "-" + digits(4) + "-" + letters.charAt(random.nextInt(letters.length())) + digits(2);
  }

  private String timestamp() {
    String date = String.format(Locale.ROOT, "20%02d-%02d-%02d", 10 + random.nextInt(15), 1 + random.nextInt(12),
        1 + random.nextInt(28));
    String time = String.format(Locale.ROOT, "%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60));
    return switch (random.nextInt(3)) {
      case 0 -> date + "T" + time + "Z";
      case 1 -> date + " " + time;
      default -> String.valueOf(1_600_000_000L + random.nextInt(200_000_000));
    };
  }

  private String amount() {
    return switch (random.nextInt(3)) {
      case 0 -> String.format(Locale.ROOT, "$%,d.%02d", random.nextInt(100_000), random.nextInt(100));
      case 1 -> String.format(Locale.ROOT, "EUR %d.%03d,%02d", 1 + random.nextInt(99), random.nextInt(1000), random.nextInt(100));
      default -> String.format(Locale.ROOT, "%d.%02d USD", random.nextInt(10_000), random.nextInt(100));
    };
  }

  private String version() {
    return switch (random.nextInt(3)) {
      case 0 -> random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(30);
      case 1 -> random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(30) + "." + random.nextInt(200);
      default -> "v" + random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(30);
    };
  }

  private String tracking() {
    return switch (random.nextInt(3)) {
      case 0 -> "1Z" + digits(3).replace('0', 'A') + "E" + digits(11).substring(0, 2) + digits(10);
      case 1 -> "94" + digits(20); // USPS, 22 digits
      default -> digits(12); // FedEx Express
    };
  }

  private String uuid() {
    return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
  }

  private String hex(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(HEX.charAt(random.nextInt(16)));
    }
    return sb.toString();
  }

  private String email() {
    String[] names = {"jane.doe", "j.smith", "ana_92", "li.wei", "o.brien", "mkowalski"};
    String[] domains = {"example.com", "mail.example.org", "corp.example.co.uk", "example.io"};
    return names[random.nextInt(names.length)] + random.nextInt(100) + "@" + domains[random.nextInt(domains.length)];
  }

  private String phone() {
    // Assigned area codes only: an unassigned one is not a valid phone number.
    String[] areas = {"201", "202", "206", "212", "213", "305", "312", "404", "415", "503", "512", "602", "617",
        "702", "713", "718", "773", "805", "818", "917", "919", "971"};
    String area = areas[random.nextInt(areas.length)];
    String exchange = String.valueOf(200 + random.nextInt(700));
    String line = digits(4);
    return switch (random.nextInt(4)) {
      case 0 -> "(" + area + ") " + exchange + "-" + line;
      case 1 -> area + "-" + exchange + "-" + line;
      case 2 -> "+1 " + area + " " + exchange + " " + line;
      default -> area + "." + exchange + "." + line;
    };
  }

  private String card() {
    String[] prefixes = {"4", "51", "52", "53", "54", "55", "37", "6011"};
    String prefix = prefixes[random.nextInt(prefixes.length)];
    int length = prefix.equals("37") ? 15 : 16;
    String payload = prefix + digits(length - 1 - prefix.length());
    String number = payload + Checksums.luhnCheckDigit(payload);
    if (length == 16 && random.nextBoolean()) {
      char sep = random.nextBoolean() ? ' ' : '-';
      return number.substring(0, 4) + sep + number.substring(4, 8) + sep + number.substring(8, 12) + sep + number.substring(12);
    }
    return number;
  }

  private String ssn() {
    int area = 1 + random.nextInt(899);
    if (area == 666) {
      area = 667;
    }
    return String.format(Locale.ROOT, "%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
  }

  private String ipv4() {
    return (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
  }

  private String iban() {
    String[][] countries = {{"DE", "18"}, {"FR", "23"}, {"GB", "18"}, {"NL", "14"}, {"ES", "20"}};
    String[] c = countries[random.nextInt(countries.length)];
    String bban = c[0].equals("GB") ? "WEST" + digits(14) : c[0].equals("NL") ? "ABNA" + digits(10) : digits(Integer.parseInt(c[1]));
    StringBuilder numeric = new StringBuilder();
    for (char ch : (bban + c[0] + "00").toCharArray()) {
      numeric.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    String iban = c[0] + String.format(Locale.ROOT, "%02d", check) + bban;
    if (random.nextBoolean()) {
      StringBuilder grouped = new StringBuilder();
      for (int i = 0; i < iban.length(); i += 4) {
        grouped.append(i == 0 ? "" : " ").append(iban, i, Math.min(iban.length(), i + 4));
      }
      return grouped.toString();
    }
    return iban;
  }

  private String awsKeyId() {
    String base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder sb = new StringBuilder(random.nextBoolean() ? "AKIA" : "ASIA");
    while (sb.length() < 20) {
      sb.append(base32.charAt(random.nextInt(32)));
    }
    return sb.toString();
  }

  private String mac() {
    StringBuilder sb = new StringBuilder();
    char sep = random.nextBoolean() ? ':' : '-';
    for (int i = 0; i < 6; i++) {
      sb.append(i == 0 ? "" : String.valueOf(sep)).append(hex(2).toUpperCase(Locale.ROOT));
    }
    return sb.toString();
  }
}

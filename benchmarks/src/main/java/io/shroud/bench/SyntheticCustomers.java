package io.shroud.bench;

import io.shroud.core.detect.check.Checksums;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a synthetic customer table: structured PII columns, a free-text support note with PII
 * embedded in some rows, and ordinary columns, some of which look like PII but are not (decoys).
 * Deterministic for a seed. All people, numbers and addresses are invented.
 *
 * <p>Usage: {@code SyntheticCustomers OUT.csv ROWS [SEED]}
 */
public final class SyntheticCustomers {
  static final String HEADER = "customer_id,full_name,email,phone,ssn,credit_card,ip_address,signup_date,"
      + "country,plan,monthly_spend,order_number,support_note";

  private static final String[] FIRST = {"Maria", "James", "Aisha", "Chen", "Olga", "Diego", "Fatima", "Liam",
    "Noah", "Emma", "Sofia", "Kenji", "Priya", "Lucas", "Amara", "Mateo", "Hannah", "Omar", "Ingrid", "Tariq"};
  private static final String[] LAST = {"Lopez", "Smith", "Khan", "Wei", "Ivanova", "Garcia", "Haddad", "Murphy",
    "Johnson", "Brown", "Rossi", "Tanaka", "Patel", "Silva", "Okafor", "Fernandez", "Becker", "Nasser", "Berg", "Ali"};
  private static final String[] DOMAINS = {"example.com", "example.org", "mail.example.net", "corp.example.co.uk"};
  private static final String[] COUNTRIES = {"US", "US", "US", "CA", "GB", "DE", "MX"};
  private static final String[] PLANS = {"free", "basic", "pro", "enterprise"};
  private static final String[] NOTES = {
    "Customer asked about upgrading to the %s plan.",
    "Called in about a billing question; resolved on the call.",
    "Please email me at %e about the refund.",
    "Reach me on %p after 5pm, thanks.",
    "Card %c was declined twice, customer will retry tomorrow.",
    "Login from %i flagged as unusual; password reset sent.",
    "Verified identity with SSN %s before closing the account.",
    "Order %o shipped; tracking shows delivered.",
    "Ticket escalated: app version 4.12.0 crashes on start.",
    "Wants invoices sent to %e and a call back on %p.",
    "No action needed.",
    "",
  };

  private final Random random;

  public SyntheticCustomers(long seed) {
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SyntheticCustomers OUT.csv ROWS [SEED]");
      System.exit(2);
    }
    long rows = Long.parseLong(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    write(Path.of(args[0]), rows, seed);
  }

  public static void write(Path file, long rows, long seed) throws IOException {
    SyntheticCustomers generator = new SyntheticCustomers(seed);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (long i = 0; i < rows; i++) {
        out.write(generator.row(i + 1));
        out.write('\n');
      }
    }
  }

  String row(long id) {
    String first = pick(FIRST);
    String last = pick(LAST);
    String email = email(first, last);
    String phone = phone();
    String note = note(email, phone);
    return String.join(",",
        "C" + (100000 + id),
        first + " " + last,
        email,
        phone,
        ssn(),
        card(),
        ip(),
        LocalDate.of(2019, 1, 1).plusDays(random.nextInt(2000)).toString(),
        pick(COUNTRIES),
        pick(PLANS),
        String.format(Locale.ROOT, "%.2f", random.nextDouble() * 500),
        orderNumber(),
        csvQuote(note));
  }

  private String note(String email, String phone) {
    String template = pick(NOTES);
    return template.replace("%s", template.startsWith("Customer asked") ? pick(PLANS) : ssn())
        .replace("%e", email).replace("%p", phone).replace("%c", card()).replace("%i", ip())
        .replace("%o", orderNumber());
  }

  String email(String first, String last) {
    String local = switch (random.nextInt(3)) {
      case 0 -> first.toLowerCase() + "." + last.toLowerCase();
      case 1 -> first.substring(0, 1).toLowerCase() + last.toLowerCase() + random.nextInt(100);
      default -> last.toLowerCase() + "_" + first.toLowerCase();
    };
    return local + "@" + pick(DOMAINS);
  }

  /** US numbers with valid area codes and 555-01xx style lines are still valid per libphonenumber. */
  String phone() {
    int[] areas = {201, 212, 303, 312, 415, 503, 617, 702, 713, 808};
    int area = areas[random.nextInt(areas.length)];
    int exchange = 200 + random.nextInt(700);
    int line = random.nextInt(10000);
    return switch (random.nextInt(3)) {
      case 0 -> String.format("(%d) %d-%04d", area, exchange, line);
      case 1 -> String.format("%d-%d-%04d", area, exchange, line);
      default -> String.format("+1 %d %d %04d", area, exchange, line);
    };
  }

  String ssn() {
    int area;
    do {
      area = 1 + random.nextInt(899);
    } while (area == 666);
    return String.format("%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
  }

  /** A Luhn-valid Visa or Mastercard number, grouped in fours. */
  String card() {
    StringBuilder digits = new StringBuilder(random.nextBoolean() ? "4" : "5" + (1 + random.nextInt(5)));
    while (digits.length() < 15) {
      digits.append(random.nextInt(10));
    }
    digits.append(Checksums.luhnCheckDigit(digits));
    String d = digits.toString();
    return random.nextBoolean() ? d : d.substring(0, 4) + " " + d.substring(4, 8) + " " + d.substring(8, 12) + " " + d.substring(12);
  }

  String ip() {
    return (11 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
  }

  /** A 16-digit order number whose check digit is deliberately wrong: looks like a card, is not. */
  private String orderNumber() {
    StringBuilder digits = new StringBuilder("7");
    while (digits.length() < 15) {
      digits.append(random.nextInt(10));
    }
    char valid = Checksums.luhnCheckDigit(digits);
    digits.append((char) ('0' + (valid - '0' + 1 + random.nextInt(9)) % 10));
    return digits.toString();
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String csvQuote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
      return value;
    }
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}

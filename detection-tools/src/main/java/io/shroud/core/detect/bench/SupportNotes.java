package io.shroud.core.detect.bench;

import io.shroud.core.detect.check.Checksums;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic free text for benchmarks: support notes and chat lines, mean length about 100
 * characters, about 20% of them holding personal data (e-mail, phone, card, SSN, IP, IBAN, address).
 * The rest mention order numbers, amounts, dates, versions and times, as such text does.
 */
public final class SupportNotes {
  private static final String[] PLAIN = {
      "Customer asked about the status of order %d, shipped on %s; tracking shows it is in transit.",
      "Refund of $%d.%02d approved after the package arrived damaged, ticket closed by agent.",
      "User reports the app version 4.%d.0 crashes on start after the latest update, escalated to tier 2.",
      "Chat: hi, I can't log in since yesterday, the reset link says expired. Agent resent it at %d:%02d.",
      "Invoice INV-%d was paid twice, please reverse the duplicate charge before the end of the month.",
      "Caller wanted to upgrade to the premium plan; explained pricing and the %d-day trial period.",
      "Delivery window moved to Thursday between 9 and 12, customer confirmed by chat, no further action.",
      "Printer model X%d keeps jamming on duplex jobs; sent the troubleshooting guide and closed the case.",
      "Meeting notes: migrate the reporting jobs before Q%d, owner is the data platform team, risk is low.",
      "Thanks for waiting! Your replacement unit ships tomorrow and should arrive within %d business days.",
  };
  private static final String[] PII = {
      "Please email me at %s about the refund, I have not heard back in a week.",
      "Customer called from %s asking to change the delivery address on the account.",
      "Paid with card %s but the charge shows twice on the statement, please check.",
      "Verified identity with SSN %s and date of birth on file, account unlocked.",
      "Login attempts from %s were blocked by the firewall after five failures.",
      "Please send the refund to IBAN %s instead of the original card.",
      "New shipping address is %s, customer will be home after 5pm.",
  };

  private SupportNotes() {}

  public static List<String> generate(int count, long seed) {
    Random random = new Random(seed);
    List<String> notes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (random.nextInt(100) < 20) {
        int kind = random.nextInt(PII.length);
        notes.add(String.format(PII[kind], piiValue(kind, random)));
      } else {
        String template = PLAIN[random.nextInt(PLAIN.length)];
        notes.add(String.format(template, args(template, random)));
      }
    }
    return notes;
  }

  private static Object[] args(String template, Random r) {
    int n = template.split("%", -1).length - 1;
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      values[i] = template.contains("%s") && i == 1 ? "2024-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) : 10 + r.nextInt(50000);
    }
    if (template.contains("$%d.%02d")) {
      values[1] = r.nextInt(100);
    }
    if (template.contains("%d:%02d")) {
      values[0] = r.nextInt(24);
      values[1] = r.nextInt(60);
    }
    return values;
  }

  private static String piiValue(int kind, Random r) {
    return switch (kind) {
      case 0 -> "user" + r.nextInt(10000) + "@example.com";
      case 1 -> "(415) 555-" + (1000 + r.nextInt(9000));
      case 2 -> card(r);
      case 3 -> String.format("%03d-%02d-%04d", 100 + r.nextInt(600), 1 + r.nextInt(98), 1 + r.nextInt(9998));
      case 4 -> (11 + r.nextInt(200)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
      case 5 -> "DE89370400440532013000";
      default -> (100 + r.nextInt(9000)) + " Maple Street, Apt " + (1 + r.nextInt(40));
    };
  }

  private static String card(Random r) {
    StringBuilder digits = new StringBuilder("4");
    while (digits.length() < 15) {
      digits.append(r.nextInt(10));
    }
    digits.append(Checksums.luhnCheckDigit(digits));
    return digits.toString();
  }
}

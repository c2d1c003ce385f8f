package io.shroud.jobs.utility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.assertj.core.api.Assertions;

/**
 * A small customer table for utility tests, with values the report must never show: a unique
 * nickname in a kept column, an outlier salary, a country only one customer has, and an e-mail in
 * a free-text note. Seeded: the same file every time.
 */
final class UtilityData {
  static final String RARE_NICKNAME = "Zebulon Quaxworth";
  static final String OUTLIER_SALARY = "9876543.21";
  static final String RARE_COUNTRY = "Tuvalu";
  static final String RARE_EMAIL = "zebulon.quaxworth@example.org";
  static final int ROWS = 400;

  private UtilityData() {}

  static final String HEADER = "row_no,id,name,nickname,email,salary,bonus,country,signup,plan,note\n";

  static Path write(Path file) throws IOException {
    return write(file, null);
  }

  /**
   * Writes the table, and with {@code masked} a copy masked by hand in shuffled row order (ids
   * hashed, names and e-mails in notes replaced by labels, salaries moved by up to ±500, dates cut
   * to quarters), as data masked elsewhere would be.
   */
  static Path write(Path file, Path masked) throws IOException {
    Random random = new Random(42);
    StringBuilder csv = new StringBuilder(HEADER);
    List<String> maskedRows = new ArrayList<>();
    List<String> first = List.of("Maria", "James", "Aiko", "Omar", "Lena", "Ravi");
    List<String> last = List.of("Lopez", "Smith", "Tanaka", "Haddad", "Novak", "Patel");
    List<String> nicknames = List.of("Ace", "Buddy", "Champ", "Doc");
    for (int i = 0; i < ROWS; i++) {
      String name = first.get(random.nextInt(first.size())) + " " + last.get(random.nextInt(last.size()));
      double salary = 40_000 + random.nextInt(50_000) + random.nextInt(100) / 100.0;
      String note = switch (i % 4) {
        case 0 -> "Please email me at " + (i == 8 ? RARE_EMAIL : "user" + i + "@example.com") + " about the refund.";
        case 1 -> "Spoke with " + name + " about the renewal of the plan.";
        default -> "Customer asked about the invoice for this month.";
      };
      String nickname = i == 17 ? RARE_NICKNAME : nicknames.get(i % nicknames.size());
      String pay = i == 23 ? OUTLIER_SALARY : String.format(Locale.ROOT, "%.2f", salary);
      long bonus = Math.round(salary / 20 + random.nextInt(200));
      String country = i == 31 ? RARE_COUNTRY : List.of("US", "GB", "DE", "FR").get(random.nextInt(4));
      LocalDate signup = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(900));
      String plan = List.of("free", "basic", "pro").get(i % 3);
      csv.append(i).append(',').append("C").append(100_000 + i).append(',').append(name).append(',').append(nickname)
          .append(',').append(name.toLowerCase(Locale.ROOT).replace(' ', '.')).append(i).append("@example.com,")
          .append(pay).append(',').append(bonus).append(',').append(country).append(',').append(signup).append(',')
          .append(plan).append(",\"").append(note).append("\"\n");
      double noisy = Double.parseDouble(pay) + random.nextInt(1001) - 500;
      maskedRows.add(i + "," + Integer.toHexString(("C" + i).hashCode()) + ",<PERSON>," + nickname + ",xx***@example.com,"
          + String.format(Locale.ROOT, "%.2f", noisy) + "," + bonus + "," + country + "," + signup.getYear() + "-Q"
          + ((signup.getMonthValue() - 1) / 3 + 1) + "," + plan + ",\""
          + note.replaceAll("\\S+@\\S+\\.(com|org)", "<EMAIL>").replace(name, "<PERSON>") + "\"\n");
    }
    Files.writeString(file, csv);
    if (masked != null) {
      Collections.shuffle(maskedRows, new Random(7));
      Files.writeString(masked, HEADER + String.join("", maskedRows));
    }
    return file;
  }

  static String policy(Path input, Path output, Path key, String utility) {
    return """
        input: { path: %s }
        output: { path: %s, format: csv }
        columns:
          row_no:   { action: keep, reason: "row number, for compare --key" }
          id:       { action: hash, key: k, length: 16 }
          name:     { action: redact, replacement: "<PERSON>" }
          nickname: { action: keep, reason: "test: a kept column with a unique value" }
          email:    { action: partial-mask, keepFirst: 2 }
          salary:   { action: perturb, kind: laplace, epsilon: 1.0, sensitivity: 1000 }
          bonus:    { action: keep, reason: "test: an amount that follows salary" }
          country:  { action: keep, reason: coarse }
          signup:   { action: generalize, date: quarter }
          plan:     shuffle
          note:     detect
        keys:
          k: { file: %s, generateIfMissing: true }
        %s
        """.formatted(input, output, key, utility);
  }

  /** Every way the report could leak a rare value: as written, rounded, or in scientific notation. */
  static void assertNoRareValue(String text) {
    Assertions.assertThat(text)
        .doesNotContain(RARE_NICKNAME).doesNotContain("Zebulon").doesNotContain("Quaxworth")
        .doesNotContain(RARE_COUNTRY).doesNotContain(RARE_EMAIL)
        .doesNotContain("9876543").doesNotContain("9,876,5").doesNotContain("9.876").doesNotContain("9877000")
        .doesNotContain("C100017");
  }
}

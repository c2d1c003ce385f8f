package io.shroud.core.detect;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Phone numbers, found and validated by libphonenumber: international numbers in any format, and
 * national numbers for each configured default region.
 */
public final class PhoneDetector implements Detector {
  private static final int MAX_TRIES = 10_000;
  private static final ContextWords CONTEXT = new ContextWords(
      List.of("phone", "tel", "telephone", "mobile", "cell", "fax", "call", "contact", "whatsapp", "sms"));

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final List<String> regions;

  public PhoneDetector(List<String> regions) {
    this.regions = List.copyOf(regions);
  }

  @Override
  public String id() {
    return "phone";
  }

  @Override
  public EntityType entityType() {
    return EntityType.PHONE;
  }

  @Override
  public void detect(String text, DetectionContext context, List<Finding> out) {
    if (!RegexDetector.hasDigits(text, 7)) {
      return;
    }
    List<Finding> found = new ArrayList<>();
    for (String region : regions) {
      for (PhoneNumberMatch match : util.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, MAX_TRIES)) {
        int start = match.start();
        int end = match.end();
        if (found.stream().anyMatch(f -> f.start() == start && f.end() == end)) {
          continue;
        }
        boolean international = text.charAt(start) == '+' || text.startsWith("00", start);
        double score = international ? 0.75 : 0.65;
        String reason = "valid number for " + (international ? "its country code" : "region " + region);
        found.add(CONTEXT.apply(new Finding(EntityType.PHONE, start, end, score, id(), reason), text, context));
      }
    }
    out.addAll(found);
  }
}

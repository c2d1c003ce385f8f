package io.shroud.core.detect.generic;

import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number libphonenumber's {@code parse(candidate, region)} returns for a plain national candidate,
 * built without the parser: digits grouped by spaces, hyphens or dots, starting with 1-9, of a length
 * a national number can have. For such a candidate the parser finds no plus sign, no international
 * prefix, no country code, no trunk prefix and no extension, and returns the region's country code
 * with the digits as the national number. Whenever one of those could apply (the digits start with the
 * prefix pattern, the country code or a 0) this answers null and the parser decides. PhoneDetectorTest
 * pins the equivalence with {@code parse} for many regions. One instance per region and thread.
 */
final class NationalNumbers {
  /** libphonenumber's shortest national number; two-digit candidates are left to it (viability rules). */
  private static final int MIN_DIGITS = 3;
  /** libphonenumber's MAX_LENGTH_FOR_NSN. */
  private static final int MAX_DIGITS = 17;

  private final int countryCode;
  private final String countryCodeDigits;
  private final Matcher internationalPrefix;
  private final Matcher trunkPrefix;
  private final char[] digits = new char[MAX_DIGITS];

  private NationalNumbers(PhoneMetadata metadata) {
    this.countryCode = metadata.getCountryCode();
    this.countryCodeDigits = String.valueOf(countryCode);
    this.internationalPrefix = Pattern.compile(metadata.getInternationalPrefix()).matcher("");
    String forParsing = metadata.getNationalPrefixForParsing();
    this.trunkPrefix = forParsing.isEmpty() ? null : Pattern.compile(forParsing).matcher("");
  }

  /** For a region libphonenumber knows, else null (the parser then reports what is wrong). */
  static NationalNumbers forRegion(String region) {
    PhoneMetadata metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource()
        .getMetadataForRegion(region);
    return metadata == null ? null : new NationalNumbers(metadata);
  }

  /** What {@code parse(candidate, region)} returns, or null when only the parser can tell. */
  PhoneNumber number(String candidate) {
    int n = 0;
    int length = candidate.length();
    if (length == 0 || !isDigit(candidate.charAt(0)) || candidate.charAt(0) == '0'
        || !isDigit(candidate.charAt(length - 1))) {
      return null;
    }
    for (int i = 0; i < length; i++) {
      char c = candidate.charAt(i);
      if (isDigit(c)) {
        if (n == MAX_DIGITS) {
          return null;
        }
        digits[n++] = c;
      } else if (c != ' ' && c != '-' && c != '.') {
        return null;
      }
    }
    if (n < MIN_DIGITS) {
      return null;
    }
    String national = new String(digits, 0, n);
    if (national.startsWith(countryCodeDigits) || internationalPrefix.reset(national).lookingAt()
        || (trunkPrefix != null && trunkPrefix.reset(national).lookingAt())) {
      return null;
    }
    return new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

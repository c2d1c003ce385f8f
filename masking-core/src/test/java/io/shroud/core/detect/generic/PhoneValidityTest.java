package io.shroud.core.detect.generic;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PhoneValidity} answers as libphonenumber does, for numbers of every calling code. */
class PhoneValidityTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  @Test
  void validityIsLibphonenumbersForEveryCallingCode() {
    PhoneValidity validity = new PhoneValidity();
    Random random = new Random(29);
    List<String> askedRegions = new ArrayList<>(UTIL.getSupportedRegions());
    askedRegions.add(PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY);
    askedRegions.add("ZZ");
    int numbers = 0;
    int valid = 0;
    int validForAnotherRegionOfTheCode = 0;
    for (int countryCode : UTIL.getSupportedCallingCodes()) {
      List<String> own = UTIL.getRegionCodesForCountryCode(countryCode);
      for (PhoneNumber number : numbersFor(countryCode, own, random)) {
        numbers++;
        boolean expected = UTIL.isValidNumber(number);
        assertThat(validity.isValidNumber(number)).as("isValidNumber(%s)", number).isEqualTo(expected);
        valid += expected ? 1 : 0;
        for (String region : own) {
          boolean forRegion = UTIL.isValidNumberForRegion(number, region);
          assertThat(validity.isValidNumberForRegion(number, region)).as("isValidNumberForRegion(%s, %s)", number, region)
              .isEqualTo(forRegion);
          validForAnotherRegionOfTheCode += forRegion && !region.equals(UTIL.getRegionCodeForNumber(number)) ? 1 : 0;
        }
        String other = askedRegions.get(random.nextInt(askedRegions.size()));
        assertThat(validity.isValidNumberForRegion(number, other)).as("isValidNumberForRegion(%s, %s)", number, other)
            .isEqualTo(UTIL.isValidNumberForRegion(number, other));
      }
    }
    assertThat(numbers).isGreaterThan(40_000);
    assertThat(valid).as("valid numbers among them").isGreaterThan(20_000);
    assertThat(validForAnotherRegionOfTheCode).as("numbers valid in a region isValidNumber does not pick")
        .isGreaterThan(1_000);
    assertThat(validity.isValidNumberForRegion(UTIL.getExampleNumber("US"), null)).isFalse();
    assertThat(validity.isValidNumber(new PhoneNumber().setCountryCode(999).setNationalNumber(12345678L)))
        .as("a calling code nobody has").isFalse();
  }

  /**
   * Per calling code: each region's example numbers of every type, the same with their last digits
   * changed (mostly still valid, sometimes not), with a digit more or less, and random numbers of 4 to
   * 15 digits, some with Italian leading zeros.
   */
  private static List<PhoneNumber> numbersFor(int countryCode, List<String> regions, Random random) {
    List<PhoneNumber> out = new ArrayList<>();
    List<PhoneNumber> examples = new ArrayList<>();
    for (String region : regions) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        PhoneNumber example = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
            ? UTIL.getExampleNumberForNonGeoEntity(countryCode) : UTIL.getExampleNumberForType(region, type);
        if (example != null) {
          examples.add(example);
        }
      }
    }
    for (PhoneNumber example : examples) {
      out.add(example);
      long national = example.getNationalNumber();
      for (int i = 0; i < 20; i++) {
        long changed = national - national % 1000 + random.nextInt(1000);
        out.add(copy(example, changed));
      }
      out.add(copy(example, national * 10 + random.nextInt(10)));
      out.add(copy(example, national / 10));
    }
    for (int i = 0; i < 60; i++) {
      int digits = 4 + random.nextInt(12);
      long national = (long) (Math.pow(10, digits - 1) * (1 + random.nextDouble() * 9));
      PhoneNumber number = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(national);
      if (random.nextInt(10) == 0) {
        number.setItalianLeadingZero(true).setNumberOfLeadingZeros(1 + random.nextInt(2));
      }
      out.add(number);
    }
    return out;
  }

  private static PhoneNumber copy(PhoneNumber example, long national) {
    PhoneNumber number = new PhoneNumber().mergeFrom(example);
    return number.setNationalNumber(national);
  }

  /**
   * What the real metadata rarely tells apart, pinned on made-up metadata: the general pattern is asked
   * first, a length the type does not list is refused even when its pattern takes it, and a region
   * whose mobile pattern is its fixed-line one is not asked for mobile numbers separately.
   */
  @Test
  void generalPatternLengthsAndSharedMobilePatternAreLibphonenumbers() {
    PhoneMetadata region = metadata(desc("[2-9]\\d{6,7}", 7), desc("\\d{7,8}", 7, 8), desc("9\\d{7}", 8), false);
    assertThat(PhoneValidity.Region.of("XX", region).valid("2345678")).isTrue();
    assertThat(PhoneValidity.Region.of("XX", region).valid("1234567")).as("the general pattern refuses it").isFalse();
    assertThat(PhoneValidity.Region.of("XX", region).valid("23456789")).as("8 digits: not a general length").isFalse();

    PhoneMetadata shared = metadata(desc("\\d{7}"), desc("2\\d{6}", 7), desc("3\\d{6}", 7), true);
    assertThat(PhoneValidity.Region.of("XX", shared).valid("2345678")).isTrue();
    assertThat(PhoneValidity.Region.of("XX", shared).valid("3456789")).as("mobile is not asked apart").isFalse();
    PhoneMetadata separate = metadata(desc("\\d{7}"), desc("2\\d{6}", 7), desc("3\\d{6}", 7), false);
    assertThat(PhoneValidity.Region.of("XX", separate).valid("3456789")).isTrue();
    assertThat(PhoneValidity.Region.of("XX", separate).valid("34567890")).as("no length listed: any, but the pattern")
        .isFalse();
  }

  private static PhoneMetadata metadata(PhoneNumberDesc general, PhoneNumberDesc fixed, PhoneNumberDesc mobile,
      boolean sameMobileAndFixed) {
    PhoneNumberDesc none = desc("", -1);
    return new PhoneMetadata().setId("XX").setCountryCode(999).setGeneralDesc(general).setFixedLine(fixed)
        .setMobile(mobile).setSameMobileAndFixedLinePattern(sameMobileAndFixed).setPremiumRate(none).setTollFree(none)
        .setSharedCost(none).setVoip(none).setPersonalNumber(none).setPager(none).setUan(none).setVoicemail(none);
  }

  private static PhoneNumberDesc desc(String pattern, int... lengths) {
    PhoneNumberDesc desc = new PhoneNumberDesc().setNationalNumberPattern(pattern);
    for (int length : lengths) {
      desc.addPossibleLength(length);
    }
    return desc;
  }
}

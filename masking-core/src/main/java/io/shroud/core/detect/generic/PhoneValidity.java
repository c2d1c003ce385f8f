package io.shroud.core.detect.generic;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libphonenumber's {@code isValidNumber} and {@code isValidNumberForRegion}, with the same answers from
 * the same metadata, for a detector that asks them for every phone-shaped candidate. libphonenumber
 * looks each region's metadata up by a file name it builds per call, takes each pattern from a
 * synchronized cache, allocates a matcher and runs it twice ({@code lookingAt}, then {@code matches});
 * here a region's patterns are compiled once, their matchers reused, and each asked once (a text
 * that matches whole also matches at its start, so the two calls answer as {@code matches} alone).
 * The order of the checks is libphonenumber's (9.0): a number is valid for a region when the
 * region's general pattern and one of its type patterns take the national significant number,
 * each pattern only for the lengths its type lists.
 *
 * <p>Not thread-safe (the matchers are reused): one per detector, as detectors are per thread.
 * {@code PhoneValidityTest} compares both answers with libphonenumber's for numbers of every calling code.
 */
final class PhoneValidity {
  private static final String NON_GEO = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY;
  /**
   * Compiled metadata patterns, shared by every instance (a pattern is immutable; only its matchers are
   * per instance): tasks start new detectors, and the metadata holds a few thousand patterns at most.
   */
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final MetadataSource metadata =
      DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
  private final Map<String, Region> regions = new HashMap<>();
  private final Map<Integer, Region> nonGeographic = new HashMap<>();
  private final Map<Integer, List<Region>> byCallingCode = new HashMap<>();

  /** {@code PhoneNumberUtil.isValidNumberForRegion(number, regionCode)}. */
  boolean isValidNumberForRegion(PhoneNumber number, String regionCode) {
    int countryCode = number.getCountryCode();
    Region region = NON_GEO.equals(regionCode) ? nonGeographic(countryCode) : region(regionCode);
    if (region == null || (!NON_GEO.equals(regionCode) && countryCode != region.countryCode)) {
      return false;
    }
    return region.valid(util.getNationalSignificantNumber(number));
  }

  /**
   * {@code PhoneNumberUtil.isValidNumber(number)}: the number's region is the only region of its calling
   * code, or the first of several that claims it (by its leading digits, or else by a number type), and
   * the number must be valid there.
   */
  boolean isValidNumber(PhoneNumber number) {
    List<Region> candidates = byCallingCode.computeIfAbsent(number.getCountryCode(), this::regionsOf);
    if (candidates.isEmpty()) {
      return false;
    }
    if (candidates.size() == 1) {
      return isValidNumberForRegion(number, candidates.get(0).code);
    }
    String national = util.getNationalSignificantNumber(number);
    for (Region region : candidates) {
      boolean claims = region.leadingDigits != null ? region.leadingDigits.reset(national).lookingAt()
          : region.valid(national);
      if (claims) {
        return isValidNumberForRegion(number, region.code);
      }
    }
    return false;
  }

  private List<Region> regionsOf(int countryCode) {
    List<Region> out = new ArrayList<>();
    for (String code : util.getRegionCodesForCountryCode(countryCode)) {
      Region region = NON_GEO.equals(code) ? nonGeographic(countryCode) : region(code);
      if (region == null) {
        throw new IllegalStateException("Invalid phone metadata: no metadata for region " + code + " of calling code "
            + countryCode);
      }
      out.add(region);
    }
    return out;
  }

  /** A supported region's patterns (libphonenumber has no metadata for any other code), or null. */
  private Region region(String regionCode) {
    Region known = regionCode == null ? null : regions.get(regionCode);
    if (known != null || regionCode == null || !util.getSupportedRegions().contains(regionCode)) {
      return known;
    }
    Region region = Region.of(regionCode, metadata.getMetadataForRegion(regionCode));
    if (region != null) {
      regions.put(regionCode, region);
    }
    return region;
  }

  /** A global network calling code's patterns (+800, +882, ...), or null for any other code. */
  private Region nonGeographic(int countryCode) {
    Region known = nonGeographic.get(countryCode);
    if (known != null || !util.getSupportedGlobalNetworkCallingCodes().contains(countryCode)) {
      return known;
    }
    Region region = Region.of(NON_GEO, metadata.getMetadataForNonGeographicalRegion(countryCode));
    if (region != null) {
      nonGeographic.put(countryCode, region);
    }
    return region;
  }

  /** One region's patterns, in the order libphonenumber's number-type check asks them. */
  record Region(String code, int countryCode, Desc general, Desc[] types, Matcher leadingDigits) {
    static Region of(String code, PhoneMetadata m) {
      if (m == null) {
        return null;
      }
      List<Desc> types = new ArrayList<>(List.of(Desc.of(m.getPremiumRate()), Desc.of(m.getTollFree()),
          Desc.of(m.getSharedCost()), Desc.of(m.getVoip()), Desc.of(m.getPersonalNumber()), Desc.of(m.getPager()),
          Desc.of(m.getUan()), Desc.of(m.getVoicemail()), Desc.of(m.getFixedLine())));
      if (!m.getSameMobileAndFixedLinePattern()) {
        types.add(Desc.of(m.getMobile())); // else a fixed-line match already answers for mobile
      }
      Matcher leading = m.hasLeadingDigits() ? matcher(m.getLeadingDigits()) : null;
      return new Region(code, m.getCountryCode(), Desc.of(m.getGeneralDesc()), types.toArray(Desc[]::new), leading);
    }

    /** Whether the number-type check finds a type other than UNKNOWN (which is what "valid" means). */
    boolean valid(String national) {
      if (!general.matches(national)) {
        return false;
      }
      for (Desc type : types) {
        if (type.matches(national)) {
          return true;
        }
      }
      return false;
    }
  }

  private static Matcher matcher(String regex) {
    return PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher("");
  }

  /** One number description: the lengths it allows (none listed: any) and its pattern (none: no number). */
  private record Desc(long lengths, Matcher pattern) {
    private static final long ANY_LENGTH = -1L;

    static Desc of(PhoneNumberDesc desc) {
      long lengths = desc.getPossibleLengthCount() == 0 ? ANY_LENGTH : 0L;
      for (int length : desc.getPossibleLengthList()) {
        if (length < 0 || length > 62) {
          continue; // -1 marks a type without numbers; no national number has such a length
        }
        lengths |= 1L << length;
      }
      String regex = desc.getNationalNumberPattern();
      return new Desc(lengths, regex.isEmpty() ? null : matcher(regex));
    }

    boolean matches(String national) {
      int length = national.length();
      if (lengths != ANY_LENGTH && (length > 62 || (lengths & (1L << length)) == 0)) {
        return false;
      }
      return pattern != null && pattern.reset(national).matches();
    }
  }
}

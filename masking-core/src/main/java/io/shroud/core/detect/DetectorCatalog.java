package io.shroud.core.detect;

import io.shroud.core.detect.ner.NerDetector;
import java.util.ArrayList;
import java.util.List;

/** The built-in detectors, configured from the policy's detection settings. */
public final class DetectorCatalog {
  private DetectorCatalog() {}

  /** A fresh set of detectors (one set per thread: detectors may keep per-thread state). */
  public static List<Detector> standard(DetectionSettings settings) {
    List<Detector> detectors = new ArrayList<>();
    // Contact
    detectors.add(new EmailDetector());
    detectors.add(new UsernameDetector());
    detectors.add(new PhoneDetector(settings.phoneRegions()));
    detectors.add(new UrlDetector());
    detectors.add(new IpAddressDetector());
    detectors.add(new MacAddressDetector());
    // Financial
    detectors.add(new CreditCardDetector());
    detectors.add(new IbanDetector());
    detectors.add(new UsBankAccountDetector());
    detectors.add(new AbaRoutingDetector());
    detectors.add(new SwiftBicDetector());
    detectors.add(new CardExpiryDetector());
    detectors.add(new CvvDetector());
    // Government ids
    detectors.add(new UsSsnDetector());
    detectors.add(new UsItinDetector());
    detectors.add(new UsPassportDetector());
    detectors.add(new UsDriverLicenseDetector());
    detectors.add(new UkNinoDetector());
    detectors.add(new UkNhsDetector());
    detectors.add(new CaSinDetector());
    detectors.add(new EsNifDetector());
    detectors.add(new EsNieDetector());
    detectors.add(new ItFiscalCodeDetector());
    detectors.add(new InAadhaarDetector());
    detectors.add(new PlPeselDetector());
    detectors.add(new DeTaxIdDetector());
    detectors.add(new AuTfnDetector());
    detectors.add(new AuAbnDetector());
    detectors.add(new AuMedicareDetector());
    // Credentials
    detectors.add(new AwsAccessKeyIdDetector());
    detectors.add(new AwsSecretKeyDetector());
    detectors.add(new PrivateKeyDetector());
    detectors.add(new JsonWebTokenDetector());
    detectors.add(new HttpBasicAuthDetector());
    detectors.add(new ApiTokenDetector());
    // Personal
    detectors.add(new DateOfBirthDetector());
    detectors.add(new AddressDetector());
    detectors.add(new InternationalAddressDetector());
    detectors.add(new AddressUnitDetector());
    detectors.add(new CuedStreetDetector());
    detectors.add(new PostalCodeDetector());
    detectors.add(new LatLongDetector());
    detectors.add(new VinDetector());
    detectors.add(new CryptoWalletDetector());
    // People, places and organizations in free text (models shared JVM-wide, taggers per instance)
    if (settings.ner().enabled()) {
      detectors.add(new NerDetector(settings.ner().threshold(), settings.ner().unknownProperNouns()));
    }
    return List.copyOf(detectors);
  }
}

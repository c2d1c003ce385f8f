package io.shroud.core.detect.scan;

import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.address.AddressDetector;
import io.shroud.core.detect.address.AddressUnitDetector;
import io.shroud.core.detect.address.CuedStreetDetector;
import io.shroud.core.detect.address.InternationalAddressDetector;
import io.shroud.core.detect.address.PostalCodeDetector;
import io.shroud.core.detect.credential.ApiTokenDetector;
import io.shroud.core.detect.credential.AwsAccessKeyIdDetector;
import io.shroud.core.detect.credential.AwsSecretKeyDetector;
import io.shroud.core.detect.credential.CryptoWalletDetector;
import io.shroud.core.detect.credential.HttpBasicAuthDetector;
import io.shroud.core.detect.credential.JsonWebTokenDetector;
import io.shroud.core.detect.credential.PrivateKeyDetector;
import io.shroud.core.detect.generic.CardExpiryDetector;
import io.shroud.core.detect.generic.CreditCardDetector;
import io.shroud.core.detect.generic.CvvDetector;
import io.shroud.core.detect.generic.DateOfBirthDetector;
import io.shroud.core.detect.generic.EmailDetector;
import io.shroud.core.detect.generic.IbanDetector;
import io.shroud.core.detect.generic.IpAddressDetector;
import io.shroud.core.detect.generic.LatLongDetector;
import io.shroud.core.detect.generic.MacAddressDetector;
import io.shroud.core.detect.generic.PhoneDetector;
import io.shroud.core.detect.generic.SwiftBicDetector;
import io.shroud.core.detect.generic.UrlDetector;
import io.shroud.core.detect.generic.UsernameDetector;
import io.shroud.core.detect.generic.VinDetector;
import io.shroud.core.detect.national.AbaRoutingDetector;
import io.shroud.core.detect.national.AuAbnDetector;
import io.shroud.core.detect.national.AuMedicareDetector;
import io.shroud.core.detect.national.AuTfnDetector;
import io.shroud.core.detect.national.CaSinDetector;
import io.shroud.core.detect.national.DeTaxIdDetector;
import io.shroud.core.detect.national.EsNieDetector;
import io.shroud.core.detect.national.EsNifDetector;
import io.shroud.core.detect.national.InAadhaarDetector;
import io.shroud.core.detect.national.ItFiscalCodeDetector;
import io.shroud.core.detect.national.PlPeselDetector;
import io.shroud.core.detect.national.UkNhsDetector;
import io.shroud.core.detect.national.UkNinoDetector;
import io.shroud.core.detect.national.UsBankAccountDetector;
import io.shroud.core.detect.national.UsDriverLicenseDetector;
import io.shroud.core.detect.national.UsItinDetector;
import io.shroud.core.detect.national.UsPassportDetector;
import io.shroud.core.detect.national.UsSsnDetector;
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

package io.shroud.core.detect.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.GeneratedText;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.scan.DetectorCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every detector's {@link TextGate} is a necessary condition of its findings: on every text a gate
 * turns away, the detector, asked anyway, finds nothing. Checked on the Presidio cases, the labelled
 * synthetic sentences, the decoy corpus and generated texts built from the pieces each detector looks
 * for, at the default threshold and at the shape-only tier, with and without a column that names every
 * context word.
 */
class DetectorGatesTest {
  /** A column name that holds a context word of every context-gated detector. */
  private static final DetectionContext EVERY_CONTEXT = DetectionContext.forColumn(
      "passport_zip_ssn_cvv_expiry_driver_license_account_swift_aws_secret_phone_email_iban_nhs_medicare_tfn_dob");
  private static final String[] PIECES = {"4111 1111 1111 1111", "4111111111111111", "078-05-1120", "078051120",
      "12/27", "2027-12", "62704", "IL 62704", "GIR 0AA", "SW1A 1AA", "AB123456C", "12345678Z", "X1234567L",
      "RSSMRA85T10A562S", "DE89370400440532013000", "DEUTDEFF", "1HGCM82633A004352", "192.168.0.1", "::1",
      "fe80::1", "00:1A:2B:3C:4D:5E", "00-1A-2B-3C-4D-5E", "0012.3456.789A", "40.7128, -74.0060", "a@b.io",
      "@handle", "https://example.org/x", "www.example.com", "example.co.uk", "AKIAIOSFODNN7EXAMPLE",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc",
      "-----BEGIN RSA PRIVATE KEY-----", "Authorization: Basic dXNlcjpwYXNz", "ghp_0123456789abcdefghijABCDEFGHIJ012345",
      "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "0x52908400098527886E0F7030069857D2E4169EE7",
      "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "QQ 12 34 56 C", "+44 20 7946 0958", "(415) 555-2671", "415.555.2671", "020 7946 0958", "1990-01-31", "31/01/1990",
      "123 Main Street", "Apt 4B", "Flat 2", "PO Box 12", "221B Baker Street", "2 rue de la Paix",
      "943 476 5919", "2123 4567 8901", "51 824 753 556", "ssn", "zip", "passport", "card", "exp", "dob",
      " ", " ", ", ", "-", ".", "/", ":", "=", "x", "Z", "7", "12", "123456789", "é", "no digits here"};

  @Test
  void noDetectorFindsAnythingInATextItsGateTurnsAway() {
    List<String> texts = new ArrayList<>();
    for (String file : PresidioCases.SUPPORTED.keySet()) {
      PresidioCases.load(file).forEach(c -> texts.add(c.text()));
    }
    SynthDataset.load().forEach(s -> texts.add(s.text()));
    new DecoyCorpus(11).generate(4_000).forEach(s -> texts.add(s.text()));
    Random random = new Random(29);
    for (int i = 0; i < 30_000; i++) {
      texts.add(GeneratedText.of(random, PIECES, 6));
    }
    long turnedAway = 0;
    for (double threshold : new double[] {DetectionSettings.DEFAULTS.minConfidence(), RegexDetector.SHAPE_ONLY_SCORE}) {
      List<Detector> detectors = new ArrayList<>(DetectorCatalog.standard(DetectionSettings.DEFAULTS));
      detectors.removeIf(d -> d.id().equals("ner")); // no gate, and slow
      List<TextGate> gates = new ArrayList<>();
      for (Detector d : detectors) {
        d.reportingThreshold(threshold);
        gates.add(d.gate());
      }
      List<Finding> found = new ArrayList<>();
      for (String text : texts) {
        TextFeatures features = TextFeatures.of(text);
        for (int i = 0; i < detectors.size(); i++) {
          if (gates.get(i).admits(features)) {
            continue;
          }
          turnedAway++;
          for (DetectionContext context : List.of(DetectionContext.NONE, EVERY_CONTEXT)) {
            detectors.get(i).detect(text, TextFeatures.of(text), context, found);
            assertThat(found).as("%s at %s on %s", detectors.get(i).id(), threshold, text).isEmpty();
          }
        }
      }
    }
    assertThat(turnedAway).isGreaterThan(1_000_000);
  }
}

package io.shroud.core.detect.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.check.Validation;
import io.shroud.core.detect.scan.TextScanner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ethereum addresses and their EIP-55 mixed-case checksum (the EIP's own examples). */
class CryptoWalletDetectorTest {
  private static final List<String> CHECKSUMMED = List.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
      "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb");
  private static final List<String> ONE_CASE = List.of("0x52908400098527886E0F7030069857D2E4169EE7",
      "0x8617E340B3D01FA5F11F306F4090FD50E238070D", "0xde709f2102306220921060314715629080e2fb77",
      "0x27b1fdb04752bbc536007a920d24acb045561c26");

  private final TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED));

  @Test
  void theEipsExamplesAreConfirmedAndOneCaseCarriesNoChecksum() {
    assertThat(CHECKSUMMED).allSatisfy(a -> assertThat(WalletChecksums.eip55(a)).as(a).isEqualTo(Validation.CONFIRMED));
    assertThat(ONE_CASE).allSatisfy(a -> assertThat(WalletChecksums.eip55(a)).as(a).isEqualTo(Validation.UNKNOWN));
  }

  @Test
  void changingTheCaseOfAnyLetterBreaksTheChecksum() {
    for (String address : CHECKSUMMED) {
      for (int i = 2; i < address.length(); i++) {
        char c = address.charAt(i);
        if (Character.isLetter(c)) {
          char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
          String broken = address.substring(0, i) + flipped + address.substring(i + 1);
          Validation expected = broken.substring(2).chars().anyMatch(Character::isUpperCase)
              && broken.substring(2).chars().anyMatch(Character::isLowerCase) ? Validation.REJECTED : Validation.UNKNOWN;
          assertThat(WalletChecksums.eip55(broken)).as(broken).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void aChecksummedAddressIsFoundWithoutContextAndABrokenOneOnlyWithIt() {
    String text = "refund goes to " + CHECKSUMMED.get(0) + " tomorrow";
    List<Finding> found = scanner.scan(text, DetectionContext.NONE);
    assertThat(found).extracting(f -> text.substring(f.start(), f.end()), Finding::score)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(CHECKSUMMED.get(0), 0.9));
    // A typo in the case, or EIP-1191's chain-specific checksum (RSK): still an address shape, fail closed.
    for (String other : List.of(CHECKSUMMED.get(0).replace("aAeb", "aaeb"), "0x5aaEB6053f3e94c9b9a09f33669435E7ef1bEAeD")) {
      assertThat(WalletChecksums.eip55(other)).as(other).isEqualTo(Validation.REJECTED);
      assertThat(scanner.scan("refund goes to " + other + " tomorrow", DetectionContext.NONE)).as(other).isEmpty();
      assertThat(scanner.scan("send eth to my wallet " + other, DetectionContext.NONE)).as(other).hasSize(1);
    }
  }

  /** With few letters the case proves little (k letters match by chance once in 2^k): context needed. */
  @Test
  void anAddressWithFewLettersIsNotConfirmedByItsCase() {
    assertThat(WalletChecksums.eip55("0x" + "1234567890".repeat(3) + "12345678aB")).isEqualTo(Validation.UNKNOWN);
    java.util.Random random = new java.util.Random(9);
    int confirmed = 0;
    for (int n = 0; n < 2_000; n++) {
      StringBuilder hex = new StringBuilder("0x");
      for (int i = 0; i < 40; i++) {
        hex.append("0123456789abcdefABCDEF".charAt(random.nextInt(22)));
      }
      confirmed += WalletChecksums.eip55(hex.toString()) == Validation.CONFIRMED ? 1 : 0;
    }
    assertThat(confirmed).as("random mixed-case hex confirmed by chance").isLessThan(10);
  }

  @Test
  void aOneCaseAddressStillNeedsContext() {
    String address = ONE_CASE.get(2);
    assertThat(scanner.scan("refund goes to " + address + " tomorrow", DetectionContext.NONE)).isEmpty();
    assertThat(scanner.scan("my eth wallet is " + address, DetectionContext.NONE)).hasSize(1);
  }
}

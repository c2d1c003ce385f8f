package io.shroud.core.detect.credential;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.check.Validation;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cryptocurrency wallet addresses: Bitcoin legacy / P2SH addresses with a valid Base58Check checksum
 * (double SHA-256), Bitcoin segwit addresses with a valid Bech32 / Bech32m checksum, and Ethereum
 * addresses (0x + 40 hex): with a valid EIP-55 mixed-case checksum (what wallets display) they stand on
 * their own; otherwise (one case, too few letters, or a checksum that fails) they need context.
 */
public final class CryptoWalletDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![A-Za-z0-9])(?:"
      + "(?<b58>[13][1-9A-HJ-NP-Za-km-z]{25,34})"
      + "|(?<b32>(?:bc1|BC1|tb1)[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87})"
      + "|(?<eth>0x[0-9a-fA-F]{40}))(?![A-Za-z0-9])");

  public CryptoWalletDetector() {
    super("crypto_wallet", EntityType.CRYPTO_WALLET, CANDIDATE,
        List.of("wallet", "bitcoin", "btc", "ethereum", "eth", "crypto", "send", "address"));
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(1).withTokenRun(26);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.maxTokenRun() >= 26 && features.digits() >= 1;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    if (match.group("b58") != null) {
      return WalletChecksums.base58CheckValid(match.group()) ? new Score(0.9, "Base58Check checksum valid") : null;
    }
    if (match.group("b32") != null) {
      return WalletChecksums.segwitValid(match.group()) ? new Score(0.9, "Bech32 checksum valid") : null;
    }
    // A failed case checksum (a typo, another chain's checksum) still leaves an address shape: fail closed,
    // reported with context as before.
    return WalletChecksums.eip55(match.group()) == Validation.CONFIRMED
        ? new Score(0.9, "EIP-55 checksum valid") : new Score(0.35, "Ethereum address shape");
  }
}

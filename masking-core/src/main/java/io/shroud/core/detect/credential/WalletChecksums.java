package io.shroud.core.detect.credential;

import io.shroud.core.detect.check.Validation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Wallet address checksums: Bitcoin's Base58Check (double SHA-256) and Bech32 / Bech32m (BIP 173 / 350),
 * and Ethereum's mixed-case checksum (EIP-55, Keccak-256).
 */
final class WalletChecksums {
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONST = 1;
  private static final int BECH32M_CONST = 0x2bc830a3;
  private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);
  /** Letters an Ethereum address needs for its case to prove anything (a chance match: 1 in 256 or less). */
  static final int EIP55_MIN_LETTERS = 8;

  private WalletChecksums() {}

  /** A Base58Check string whose payload is a 21-byte version + hash160 with a valid checksum. */
  static boolean base58CheckValid(String address) {
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < address.length(); i++) {
      int digit = BASE58.indexOf(address.charAt(i));
      if (digit < 0) {
        return false;
      }
      value = value.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
    }
    int leadingOnes = 0;
    while (leadingOnes < address.length() && address.charAt(leadingOnes) == '1') {
      leadingOnes++;
    }
    byte[] raw = value.toByteArray();
    int skip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    byte[] decoded = new byte[leadingOnes + raw.length - skip];
    System.arraycopy(raw, skip, decoded, leadingOnes, raw.length - skip);
    if (decoded.length != 25) {
      return false;
    }
    byte[] payload = Arrays.copyOfRange(decoded, 0, 21);
    byte[] check = sha256(sha256(payload));
    for (int i = 0; i < 4; i++) {
      if (check[i] != decoded[21 + i]) {
        return false;
      }
    }
    return true;
  }

  /** A segwit address: bech32 for witness version 0, bech32m for versions 1-16 (BIP 350). */
  static boolean segwitValid(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    if (!lower.equals(address) && !address.toUpperCase(Locale.ROOT).equals(address)) {
      return false;
    }
    int sep = lower.lastIndexOf('1');
    if (sep < 1 || sep + 7 > lower.length() || lower.length() > 90) {
      return false;
    }
    String hrp = lower.substring(0, sep);
    int[] data = new int[lower.length() - sep - 1];
    for (int i = 0; i < data.length; i++) {
      int v = BECH32.indexOf(lower.charAt(sep + 1 + i));
      if (v < 0) {
        return false;
      }
      data[i] = v;
    }
    int constant = polymod(hrp, data);
    int witnessVersion = data[0];
    if (witnessVersion == 0) {
      return constant == BECH32_CONST && (data.length - 7 == 32 || data.length - 7 == 52);
    }
    return witnessVersion <= 16 && constant == BECH32M_CONST;
  }

  private static int polymod(String hrp, int[] data) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    int[] values = new int[hrp.length() * 2 + 1 + data.length];
    int k = 0;
    for (int i = 0; i < hrp.length(); i++) {
      values[k++] = hrp.charAt(i) >> 5;
    }
    values[k++] = 0;
    for (int i = 0; i < hrp.length(); i++) {
      values[k++] = hrp.charAt(i) & 31;
    }
    for (int d : data) {
      values[k++] = d;
    }
    for (int v : values) {
      int top = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ v;
      for (int i = 0; i < 5; i++) {
        if (((top >>> i) & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  /**
   * EIP-55 on {@code 0x} + 40 hex digits: the case of each letter is the checksum (upper where the
   * matching nibble of Keccak-256 of the lower-case hex is 8 or more). All-lower or all-upper letters carry
   * no checksum, and fewer than {@link #EIP55_MIN_LETTERS} letters too little of one (k letters match by
   * chance once in 2^k): {@link Validation#UNKNOWN}. Otherwise mixed case matches ({@code CONFIRMED}) or
   * not ({@code REJECTED}: a typo, or another chain's checksum such as EIP-1191's).
   */
  static Validation eip55(String address) {
    String hex = address.substring(2);
    int lower = 0;
    int upper = 0;
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      lower += c >= 'a' && c <= 'f' ? 1 : 0;
      upper += c >= 'A' && c <= 'F' ? 1 : 0;
    }
    if (lower == 0 || upper == 0 || lower + upper < EIP55_MIN_LETTERS) {
      return Validation.UNKNOWN;
    }
    byte[] ascii = hex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    KeccakDigest keccak = new KeccakDigest(256);
    keccak.update(ascii, 0, ascii.length);
    byte[] hash = new byte[32];
    keccak.doFinal(hash, 0);
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (c < 'A' || (c > 'F' && c < 'a')) {
        continue; // digits carry no case
      }
      int nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0xF;
      if ((nibble >= 8) != (c <= 'F')) {
        return Validation.REJECTED;
      }
    }
    return Validation.CONFIRMED;
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}

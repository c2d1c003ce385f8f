package io.shroud.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secret key bytes in a holder that never prints them and cannot be serialized (so it cannot slip
 * into a Spark closure or a log line by accident). The audit identifies a key by its name and
 * {@link #fingerprint()}.
 */
public final class KeyMaterial {
  private static final byte[] FINGERPRINT_LABEL = "shroud/key-fingerprint/v1".getBytes(StandardCharsets.UTF_8);
  /** Smallest key accepted: 256 bits. */
  public static final int MIN_BYTES = 32;

  private final String name;
  private final byte[] bytes;

  public KeyMaterial(String name, byte[] bytes) {
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "Invalid key '" + name + "': " + bytes.length + " bytes; at least " + MIN_BYTES + " are required");
    }
    this.name = name;
    this.bytes = bytes.clone();
  }

  public String name() {
    return name;
  }

  /** A copy of the key bytes; callers should not keep it longer than needed. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * A sub-key for one purpose ({@code hash}, {@code pseudonymize}, ...), so that one policy key used
   * by two operators never gives related outputs.
   */
  public byte[] derive(String purpose) {
    return hmac(bytes, ("shroud/" + purpose + "/v1").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * 16 hex characters of an HMAC of a fixed label (and {@code context}, such as an FF1 tweak) under
   * the sub-key derived for {@code purpose}: checks that a reversing run holds the key and settings a
   * masking run used, without revealing the key, and without being comparable across purposes.
   */
  public String checkValue(String purpose, String context) {
    byte[] subKey = derive(purpose);
    try {
      byte[] label = ("shroud/key-check/v1|" + purpose + "|" + context).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(hmac(subKey, label), 0, 8);
    } finally {
      Arrays.fill(subKey, (byte) 0);
    }
  }

  /** 16 hex characters of a keyed digest: identifies the key in the audit without revealing it. */
  public String fingerprint() {
    return HexFormat.of().formatHex(hmac(bytes, FINGERPRINT_LABEL), 0, 8);
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "KeyMaterial[" + name + ", redacted]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyMaterial other && name.equals(other.name) && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}

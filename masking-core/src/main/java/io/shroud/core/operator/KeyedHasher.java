package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;
import io.shroud.core.keys.KeyMaterial;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a sub-key derived for hashing, so the same input always gives the same output
 * under one key (joins survive) and different keys give unrelated outputs. Not thread-safe.
 */
final class KeyedHasher implements MaskingOperator {
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private final HashSpec spec;
  private final Mac mac;

  KeyedHasher(HashSpec spec, KeyMaterial key) {
    this.spec = spec;
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      byte[] subKey = key.derive("hash");
      mac.init(new SecretKeySpec(subKey, "HmacSHA256"));
      Arrays.fill(subKey, (byte) 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  @Override
  public String apply(String value, EntityType type) {
    byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    String encoded = spec.encoding() == HashSpec.Encoding.HEX ? HexFormat.of().formatHex(digest) : base32(digest);
    return spec.length() == 0 ? encoded : encoded.substring(0, spec.length());
  }

  /** RFC 4648 base32, lower case, without padding. */
  static String base32(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}

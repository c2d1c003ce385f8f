package io.shroud.core.operator;

import io.shroud.core.keys.KeyMaterial;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under a purpose-specific sub-key. Not thread-safe: one per operator instance. */
final class Hmac {
  private final Mac mac;

  Hmac(KeyMaterial key, String purpose) {
    byte[] subKey = key.derive(purpose);
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(subKey, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    } finally {
      Arrays.fill(subKey, (byte) 0);
    }
  }

  byte[] digest(String value) {
    return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
  }

  /** A long drawn from the digest, for seeds and offsets. */
  long longOf(String value) {
    byte[] d = digest(value);
    long result = 0;
    for (int i = 0; i < 8; i++) {
      result = (result << 8) | (d[i] & 0xff);
    }
    return result;
  }
}

package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;
import io.shroud.core.keys.KeyMaterial;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMSIVBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Deterministic AES-256-GCM-SIV (RFC 8452, BouncyCastle). The nonce is fixed on purpose: GCM-SIV is
 * nonce-misuse resistant, so a fixed nonce only reveals which values are equal, which is the point of
 * deterministic encryption here. Not thread-safe.
 */
final class SivEncryptor implements ReversibleOperator {
  static final String PREFIX = "enc1:";
  private static final byte[] NONCE = new byte[12];

  private final KeyParameter key;
  private final String checkValue;

  SivEncryptor(KeyMaterial material) {
    byte[] subKey = material.derive("encrypt");
    this.key = new KeyParameter(subKey);
    Arrays.fill(subKey, (byte) 0);
    this.checkValue = material.checkValue("encrypt", "");
  }

  @Override
  public String checkValue() {
    return checkValue;
  }

  @Override
  public String apply(String value, EntityType type) {
    byte[] plain = value.getBytes(StandardCharsets.UTF_8);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(run(true, plain));
  }

  @Override
  public String reverse(String masked, EntityType type) {
    if (!masked.startsWith(PREFIX)) {
      throw new MaskingException("Cannot decrypt a value without the '" + PREFIX + "' prefix");
    }
    byte[] cipher;
    try {
      cipher = Base64.getUrlDecoder().decode(masked.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new MaskingException("Cannot decrypt a value: not base64url after '" + PREFIX + "'");
    }
    return new String(run(false, cipher), StandardCharsets.UTF_8);
  }

  private byte[] run(boolean encrypt, byte[] input) {
    GCMSIVBlockCipher cipher = new GCMSIVBlockCipher(AESEngine.newInstance());
    cipher.init(encrypt, new AEADParameters(key, 128, NONCE));
    byte[] out = new byte[cipher.getOutputSize(input.length)];
    int n = cipher.processBytes(input, 0, input.length, out, 0);
    try {
      n += cipher.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new MaskingException("Cannot decrypt a value: authentication failed (wrong key or altered data)");
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}

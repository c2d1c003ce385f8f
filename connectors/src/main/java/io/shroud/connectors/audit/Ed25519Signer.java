package io.shroud.connectors.audit;

import io.shroud.core.keys.KeyMaterial;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Ed25519 signatures (BouncyCastle) with a private key derived from a policy key: the seed is a
 * purpose-bound sub-key, so the key that signs manifests is never the key that hashes values.
 */
public final class Ed25519Signer {
  static final String PURPOSE = "audit-manifest-ed25519";
  private final Ed25519PrivateKeyParameters privateKey;

  private Ed25519Signer(byte[] seed) {
    this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
  }

  public static Ed25519Signer fromKey(KeyMaterial key) {
    byte[] seed = key.derive(PURPOSE);
    try {
      return new Ed25519Signer(Arrays.copyOf(seed, Ed25519PrivateKeyParameters.KEY_SIZE));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The raw 32-byte public key, base64: what {@code verify-audit --public-key} reads. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(privateKey.generatePublicKey().getEncoded());
  }

  byte[] sign(byte[] message) {
    org.bouncycastle.crypto.signers.Ed25519Signer signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
      return false;
    }
    org.bouncycastle.crypto.signers.Ed25519Signer verifier = new org.bouncycastle.crypto.signers.Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }
}

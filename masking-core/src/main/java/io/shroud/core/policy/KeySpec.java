package io.shroud.core.policy;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a named key comes from. The policy references keys by name only; the material is never
 * inline.
 *
 * @param name the name rules use ({@code key: pii-hash})
 * @param source where the key lives
 * @param location for {@link KeySource#FILE}, the file path
 * @param generateIfMissing for local files: create a fresh random key (mode 0600) on first use
 */
public record KeySpec(String name, KeySource source, String location, boolean generateIfMissing)
    implements Serializable {
  public KeySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
  }

  /** Key sources. Secrets Manager and KMS come with the AWS connectors. */
  public enum KeySource {
    FILE
  }
}

package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Adds random noise to numbers: Laplace with scale sensitivity/epsilon (the Laplace mechanism), or
 * uniform in [-bound, bound]. The result keeps the input's number of decimals (whole numbers stay
 * whole). Text that is not a number becomes null rather than passing through. Not thread-safe.
 */
final class NoisePerturber implements MaskingOperator {
  private final PerturbSpec spec;
  private final Random random;

  NoisePerturber(PerturbSpec spec) {
    this(spec, new SecureRandom());
  }

  NoisePerturber(PerturbSpec spec, Random random) {
    this.spec = spec;
    this.random = random;
  }

  @Override
  public String apply(String value, EntityType type) {
    BigDecimal number;
    try {
      number = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    double noise = spec.kind() == PerturbSpec.Kind.LAPLACE ? laplace(spec.sensitivity() / spec.epsilon())
        : (random.nextDouble() * 2 - 1) * spec.bound();
    BigDecimal noisy = number.add(BigDecimal.valueOf(noise));
    return noisy.setScale(Math.max(number.scale(), 0), RoundingMode.HALF_EVEN).toPlainString();
  }

  private double laplace(double scale) {
    double u = random.nextDouble() - 0.5;
    return -scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
  }
}

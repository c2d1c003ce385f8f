package io.shroud.connectors.aws;

import io.shroud.core.UsageException;
import java.util.List;
import java.util.stream.Collectors;

/** A required preflight check failed: the bucket or key must be fixed before Shroud writes to it. */
public final class PreflightRefusedException extends UsageException {
  private final List<CheckResult> refused;

  public PreflightRefusedException(List<CheckResult> refused) {
    super("Cannot write to S3: preflight refused: "
        + refused.stream().map(CheckResult::describe).collect(Collectors.joining("; "))
        + "; nothing was read or written");
    this.refused = List.copyOf(refused);
  }

  public List<CheckResult> refused() {
    return refused;
  }
}

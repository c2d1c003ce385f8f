package io.shroud.core.detect;

import java.io.Serializable;
import java.util.List;

/**
 * Detectors that live outside masking-core, such as a remote service's client (connectors module).
 * Travels with Spark tasks, so it must be serializable and hold settings only; {@link #create} runs
 * on the executor, once per task.
 */
public interface DetectorSource extends Serializable {
  /** No extra detectors. */
  DetectorSource NONE = new None();

  List<Detector> create(DetectionSettings settings);

  /** Serializable singleton for "nothing extra". */
  final class None implements DetectorSource {
    private static final long serialVersionUID = 1L;

    private None() {}

    @Override
    public List<Detector> create(DetectionSettings settings) {
      return List.of();
    }

    private Object readResolve() {
      return NONE;
    }
  }
}

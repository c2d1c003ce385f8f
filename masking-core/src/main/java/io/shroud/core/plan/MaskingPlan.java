package io.shroud.core.plan;

import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.policy.EntityOperators;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Everything an executor needs to mask rows: per-column decisions, operators per entity type,
 * detection settings and key references (never key material). Serializable for Spark tasks.
 *
 * @param columns one plan per input column, in input order
 * @param operators operators for findings of each entity type
 * @param detection detection settings
 * @param keys key references by name
 */
public record MaskingPlan(
    List<ColumnPlan> columns,
    EntityOperators operators,
    DetectionSettings detection,
    Map<String, KeySpec> keys) implements Serializable {

  public MaskingPlan {
    columns = List.copyOf(columns);
    keys = Map.copyOf(keys);
  }

  /** The columns that reach the output, in order. */
  public List<ColumnPlan> outputColumns() {
    return columns.stream().filter(c -> c.treatment() != Treatment.DROP).toList();
  }
}

package io.shroud.core.detect;

import java.util.Map;
import java.util.Optional;

/**
 * What a sample of one column looked like. Counts only: no values.
 *
 * @param column the column name
 * @param sampled values looked at (including empty ones)
 * @param nonEmpty sampled values that were not null or blank
 * @param valuesWithFindings sampled values with at least one finding
 * @param findings findings per entity type in the sample
 * @param wholeValueMatches values that were entirely one entity, per type
 * @param classification the entity type the column holds, if one type dominates
 * @param confidence share of non-empty values that matched the classification (0 when none)
 */
public record ColumnProfile(
    String column,
    int sampled,
    int nonEmpty,
    int valuesWithFindings,
    Map<EntityType, Integer> findings,
    Map<EntityType, Integer> wholeValueMatches,
    Optional<EntityType> classification,
    double confidence) {

  public ColumnProfile {
    findings = Map.copyOf(findings);
    wholeValueMatches = Map.copyOf(wholeValueMatches);
  }
}

package io.shroud.core.utility;

import java.io.Serializable;
import java.util.List;

/**
 * The columns compared, numbered: names in before order, then those only after (matched by name,
 * never by position).
 *
 * @param names column names or leaf paths
 * @param flat per column, whether it is a top-level column (one value per row)
 * @param inBefore per column, whether the before data has it
 * @param inAfter per column, whether the after data has it
 */
public record UtilityLayout(List<String> names, List<Boolean> flat, List<Boolean> inBefore, List<Boolean> inAfter)
    implements Serializable {
  public UtilityLayout {
    names = List.copyOf(names);
    flat = List.copyOf(flat);
    inBefore = List.copyOf(inBefore);
    inAfter = List.copyOf(inAfter);
    if (flat.size() != names.size() || inBefore.size() != names.size() || inAfter.size() != names.size()) {
      throw new IllegalArgumentException("Invalid layout: " + names.size() + " names, " + flat.size() + " flags");
    }
  }

  public int size() {
    return names.size();
  }

  String presence(int id) {
    return !inBefore.get(id) ? "after-only" : !inAfter.get(id) ? "before-only" : "both";
  }
}

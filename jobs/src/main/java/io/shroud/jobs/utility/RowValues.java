package io.shroud.jobs.utility;

import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.utility.UtilityLayout;
import io.shroud.jobs.spark.LeafPaths;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Reads rows of the two sides as the utility comparison sees them: for each compared column (flat
 * column or nested leaf, matched by name), the text of its values in the row.
 */
final class RowValues implements Serializable {
  private final UtilityLayout layout;
  private final LeafPaths.Leaf[][] leaves;

  RowValues(StructType before, StructType after, Set<String> excluded) {
    Map<String, LeafPaths.Leaf> b = leaves(before, excluded);
    Map<String, LeafPaths.Leaf> a = leaves(after, excluded);
    List<String> names = new ArrayList<>(b.keySet());
    a.keySet().stream().filter(name -> !b.containsKey(name)).forEach(names::add);
    leaves = new LeafPaths.Leaf[2][names.size()];
    List<Boolean> flat = new ArrayList<>();
    for (int id = 0; id < names.size(); id++) {
      leaves[0][id] = b.get(names.get(id));
      leaves[1][id] = a.get(names.get(id));
      LeafPaths.Leaf any = leaves[0][id] != null ? leaves[0][id] : leaves[1][id];
      flat.add(!any.info().nested());
    }
    layout = new UtilityLayout(names, flat, names.stream().map(b::containsKey).toList(),
        names.stream().map(a::containsKey).toList());
  }

  private static Map<String, LeafPaths.Leaf> leaves(StructType schema, Set<String> excluded) {
    Map<String, LeafPaths.Leaf> out = new LinkedHashMap<>();
    for (LeafPaths.Leaf leaf : LeafPaths.leaves(schema)) {
      if (leaf.info().kind() != ColumnInfo.Kind.NESTED && !excluded.contains(leaf.info().name())) {
        out.put(leaf.info().name(), leaf);
      }
    }
    return out;
  }

  UtilityLayout layout() {
    return layout;
  }

  /** The values of every column of {@code side} (0 before, 1 after) in a row of that side's schema. */
  String[][] of(int side, Row row) {
    String[][] out = new String[layout.size()][];
    List<Object> buffer = new ArrayList<>();
    for (int id = 0; id < out.length; id++) {
      LeafPaths.Leaf leaf = leaves[side][id];
      if (leaf == null) {
        continue;
      }
      buffer.clear();
      LeafPaths.values(row, leaf, buffer);
      String[] texts = new String[buffer.size()];
      for (int i = 0; i < texts.length; i++) {
        texts[i] = LeafPaths.text(buffer.get(i));
      }
      out[id] = texts;
    }
    return out;
  }
}

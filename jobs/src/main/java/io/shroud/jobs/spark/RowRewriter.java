package io.shroud.jobs.spark;

import io.shroud.core.ShroudException;
import io.shroud.core.mask.CellMasker;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/**
 * Rewrites one row by its plan. Flat columns are masked in place; nested columns are rebuilt with the
 * same structure (field order, array lengths, map keys, non-string leaves) where only the masked leaf
 * values differ. Subtrees holding nothing to mask are passed through as they are. One per partition.
 */
final class RowRewriter {
  private final List<ColumnPlan> columns;
  private final CellMasker masker;
  private final CellMasker.Counter counter;
  private final boolean reverse;
  private final Node[] fields;
  private final boolean[] dropped;
  private final int[] rowIndexOfColumn;
  private final int outputWidth;

  RowRewriter(StructType schema, MaskingPlan plan, CellMasker masker, CellMasker.Counter counter, boolean reverse) {
    this.columns = plan.columns();
    this.masker = masker;
    this.counter = counter;
    this.reverse = reverse;
    List<LeafPaths.Leaf> leaves = LeafPaths.leaves(schema);
    if (leaves.size() > columns.size()) {
      throw new IllegalStateException("Cannot match " + columns.size() + " planned columns to " + leaves.size() + " leaves");
    }
    int width = schema.fields().length;
    this.fields = new Node[width];
    this.dropped = new boolean[width];
    this.rowIndexOfColumn = new int[columns.size()];
    Arrays.fill(rowIndexOfColumn, -1); // conditional fallbacks and nested leaves have no row cell
    Map<Integer, List<Integer>> leavesByField = new LinkedHashMap<>();
    for (int j = 0; j < leaves.size(); j++) {
      LeafPaths.Leaf leaf = leaves.get(j);
      leavesByField.computeIfAbsent(leaf.topIndex(), k -> new ArrayList<>()).add(j);
      rowIndexOfColumn[j] = leaf.info().nested() ? -1 : leaf.topIndex();
    }
    int out = 0;
    for (int i = 0; i < width; i++) {
      List<Integer> own = leavesByField.getOrDefault(i, List.of());
      dropped[i] = dropped(own, columns);
      fields[i] = dropped[i] ? null
          : build(schema.fields()[i].dataType(), own, leaves, 0, schema.fields()[i].nullable(), null);
      out += dropped[i] ? 0 : 1;
    }
    this.outputWidth = out;
  }

  /** A top-level field is left out when every leaf it holds is dropped (only a top-level rule drops). */
  static boolean dropped(List<Integer> leafIds, List<ColumnPlan> columns) {
    return !leafIds.isEmpty() && leafIds.stream().allMatch(j -> columns.get(j).treatment() == Treatment.DROP);
  }

  /**
   * Rewrites {@code rows[0..count)} into {@code out}, column by column: a detector then works through
   * one column's cells in a run, its tables and code still in the core's caches, instead of taking
   * turns with every other column's detectors, operators and Spark's parser at each row.
   * {@code atRow} is told which row the next cell belongs to (for per-row findings).
   */
  void rewrite(Row[] rows, int count, Row[] out, IntConsumer atRow) {
    Object[][] values = new Object[count][outputWidth];
    List<IntFunction<String>> cellTexts = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      Row row = rows[r];
      cellTexts.add(c -> {
        int index = rowIndexOfColumn[c];
        return index < 0 || row.isNullAt(index) ? null : MaskPartition.textOf(row.get(index));
      });
    }
    int o = 0;
    for (int i = 0; i < fields.length; i++) {
      if (dropped[i]) {
        continue;
      }
      Node node = fields[i];
      for (int r = 0; r < count; r++) {
        atRow.accept(r);
        Row row = rows[r];
        values[r][o] = node.apply(row.isNullAt(i) ? null : row.get(i), cellTexts.get(r), null);
      }
      o++;
    }
    for (int r = 0; r < count; r++) {
      out[r] = RowFactory.create(values[r]);
    }
  }

  /** A rewrite of one value; identity where nothing below needs masking. */
  private interface Node {
    /** {@code parent} is the struct holding the value, for conditions on a sibling field; null at the top. */
    Object apply(Object value, IntFunction<String> cellText, Row parent);
  }

  private boolean passesThrough(int j) {
    ColumnPlan plan = columns.get(j);
    boolean unchanged = plan.treatment() == Treatment.KEEP || plan.treatment() == Treatment.SHUFFLE;
    return unchanged && (plan.otherwise() < 0 || passesThrough(plan.otherwise()));
  }

  private Node build(DataType type, List<Integer> leafIds, List<LeafPaths.Leaf> leaves, int depth, boolean nullable,
      StructType parent) {
    if (leafIds.stream().allMatch(this::passesThrough)) {
      return (value, cellText, row) -> value;
    }
    LeafPaths.Leaf first = leaves.get(leafIds.get(0));
    if (depth == first.steps().size()) {
      int j = leafIds.get(0);
      ColumnPlan plan = columns.get(j);
      if (plan.condition().isPresent()) {
        int sibling = parent.fieldIndex(plan.condition().get().field());
        int otherwise = plan.otherwise();
        return (value, cellText, row) -> {
          String test = row == null || row.isNullAt(sibling) ? null : String.valueOf(row.get(sibling));
          return maskLeaf(plan.condition().get().matches(test) ? j : otherwise, value, type, nullable, cellText);
        };
      }
      return (value, cellText, row) -> maskLeaf(j, value, type, nullable, cellText);
    }
    LeafPaths.Step step = first.steps().get(depth);
    if (step instanceof LeafPaths.Field) {
      StructType struct = (StructType) type;
      Node[] children = new Node[struct.fields().length];
      for (int f = 0; f < children.length; f++) {
        int field = f;
        List<Integer> below = leafIds.stream()
            .filter(j -> ((LeafPaths.Field) leaves.get(j).steps().get(depth)).index() == field).toList();
        children[f] = build(struct.fields()[f].dataType(), below, leaves, depth + 1, struct.fields()[f].nullable(), struct);
      }
      return (value, cellText, row) -> {
        if (value == null) {
          return null;
        }
        Row in = (Row) value;
        Object[] out = new Object[children.length];
        for (int f = 0; f < children.length; f++) {
          out[f] = children[f].apply(in.isNullAt(f) ? null : in.get(f), cellText, in);
        }
        return RowFactory.create(out);
      };
    }
    if (step instanceof LeafPaths.Element) {
      var array = (ArrayType) type;
      Node element = build(array.elementType(), leafIds, leaves, depth + 1, array.containsNull(), null);
      return (value, cellText, row) -> {
        if (value == null) {
          return null;
        }
        List<Object> elements = ScalaCollections.elements(value);
        elements.replaceAll(e -> element.apply(e, cellText, null));
        return ScalaCollections.toSeq(elements);
      };
    }
    var map = (MapType) type;
    Node mapValue = build(map.valueType(), leafIds, leaves, depth + 1, map.valueContainsNull(), null);
    return (value, cellText, row) -> {
      if (value == null) {
        return null;
      }
      Map<Object, Object> entries = ScalaCollections.asJava(value);
      entries.replaceAll((k, v) -> mapValue.apply(v, cellText, null));
      return ScalaCollections.toMap(entries);
    };
  }

  private Object maskLeaf(int j, Object value, DataType type, boolean nullable, IntFunction<String> cellText) {
    ColumnPlan column = columns.get(j);
    Treatment treatment = column.treatment();
    if (value == null || treatment == Treatment.KEEP || treatment == Treatment.SHUFFLE) {
      return value;
    }
    Object result;
    if (treatment == Treatment.SCAN_NUMBER) {
      result = masker.mask(j, MaskPartition.textOf(value), counter) == null ? null : value;
    } else if (reverse) {
      counter.masked(j);
      result = masker.reversible(j).reverse(MaskPartition.textOf(value), null);
    } else {
      String text = column.column().kind() == ColumnInfo.Kind.STRING ? (String) value : MaskPartition.textOf(value);
      String masked = masker.mask(j, text, counter, cellText);
      result = column.keepsType() && column.column().kind() != ColumnInfo.Kind.STRING
          ? ValueConversion.fromText(masked, type) : masked;
    }
    if (result == null && !nullable && column.column().nested()) {
      throw new ShroudException("Cannot mask '" + column.name() + "': its masked value is null but the field is not "
          + "nullable; give it a rule that keeps a value (redact, hash, perturb) or drop '" + column.column().topLevel() + "'");
    }
    return result;
  }
}

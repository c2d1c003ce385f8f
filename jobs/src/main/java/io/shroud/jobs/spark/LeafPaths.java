package io.shroud.jobs.spark;

import io.shroud.core.plan.ColumnInfo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Names every leaf of a (possibly nested) schema by a path and reads leaf values out of rows.
 * Paths: {@code a.b} for a struct field, {@code a[]} for array elements, {@code a{}} for map values;
 * nested field names holding {@code . [ ] { } `} are back-quoted. Top-level names are used as they are,
 * so flat data keeps its plain column names. Map keys are structure, not data, and are not leaves.
 */
public final class LeafPaths {
  private LeafPaths() {}

  /** One leaf: its description for the planner and how to reach it from a top-level row. */
  public record Leaf(ColumnInfo info, int topIndex, List<Step> steps, DataType type) implements Serializable {}

  /** A move from a container to its content. */
  public sealed interface Step extends Serializable permits Field, Element, MapValue {}

  public record Field(int index) implements Step {}

  public record Element() implements Step {}

  public record MapValue() implements Step {}

  public static List<Leaf> leaves(StructType schema) {
    List<Leaf> leaves = new ArrayList<>();
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      StructField field = fields[i];
      if (isContainer(field.dataType())) {
        int before = leaves.size();
        walk(field.dataType(), field.name(), field.name(), i, new ArrayList<>(), new ArrayList<>(), field.nullable(), leaves);
        if (leaves.size() == before) {
          // A container with no leaves at all (an empty struct): still a column the planner decides on.
          leaves.add(new Leaf(new ColumnInfo(field.name(), ColumnInfo.Kind.NESTED, field.dataType().simpleString()),
              i, List.of(), field.dataType()));
        }
      } else {
        leaves.add(new Leaf(new ColumnInfo(field.name(), SchemaMapping.kindOf(field.dataType()),
            field.dataType().simpleString(), field.name(), List.of(), field.nullable()), i, List.of(), field.dataType()));
      }
    }
    return leaves;
  }

  private static void walk(DataType type, String path, String top, int topIndex, List<String> ancestors, List<Step> steps,
      boolean nullable, List<Leaf> out) {
    if (!isContainer(type)) {
      out.add(new Leaf(new ColumnInfo(path, SchemaMapping.kindOf(type), type.simpleString(), top, ancestors, nullable),
          topIndex, List.copyOf(steps), type));
      return;
    }
    List<String> inner = new ArrayList<>(ancestors);
    inner.add(path);
    if (type instanceof StructType struct) {
      StructField[] fields = struct.fields();
      for (int i = 0; i < fields.length; i++) {
        steps.add(new Field(i));
        walk(fields[i].dataType(), path + "." + quote(fields[i].name()), top, topIndex, inner, steps, fields[i].nullable(), out);
        steps.remove(steps.size() - 1);
      }
    } else if (type instanceof ArrayType array) {
      steps.add(new Element());
      walk(array.elementType(), path + "[]", top, topIndex, inner, steps, array.containsNull(), out);
      steps.remove(steps.size() - 1);
    } else if (type instanceof MapType map) {
      steps.add(new MapValue());
      walk(map.valueType(), path + "{}", top, topIndex, inner, steps, map.valueContainsNull(), out);
      steps.remove(steps.size() - 1);
    }
  }

  static boolean isContainer(DataType type) {
    return type instanceof StructType || type instanceof ArrayType || type instanceof MapType;
  }

  static String quote(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (".[]{}`".indexOf(name.charAt(i)) >= 0) {
        return "`" + name.replace("`", "``") + "`";
      }
    }
    return name.isEmpty() ? "``" : name;
  }

  /** A leaf value's text as masking reads it (numbers in plain decimal notation). */
  public static String text(Object value) {
    return value == null ? null : MaskPartition.textOf(value);
  }

  /** Every value of {@code leaf} in {@code row} (arrays and maps give several), nulls included. */
  public static void values(Row row, Leaf leaf, List<Object> out) {
    if (row.isNullAt(leaf.topIndex())) {
      out.add(null);
      return;
    }
    collect(row.get(leaf.topIndex()), leaf.steps(), 0, out);
  }

  private static void collect(Object value, List<Step> steps, int depth, List<Object> out) {
    if (depth == steps.size() || value == null) {
      out.add(value);
      return;
    }
    Step step = steps.get(depth);
    if (step instanceof Field field) {
      Row row = (Row) value;
      collect(row.isNullAt(field.index()) ? null : row.get(field.index()), steps, depth + 1, out);
    } else if (step instanceof Element) {
      for (Object element : ScalaCollections.elements(value)) {
        collect(element, steps, depth + 1, out);
      }
    } else {
      for (Object mapValue : ScalaCollections.mapValues(value)) {
        collect(mapValue, steps, depth + 1, out);
      }
    }
  }
}

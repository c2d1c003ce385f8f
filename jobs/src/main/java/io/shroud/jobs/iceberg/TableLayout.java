package io.shroud.jobs.iceberg;

import io.shroud.core.UsageException;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.NullOrder;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortDirection;
import org.apache.iceberg.SortField;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.expressions.Term;

/**
 * A table's partition spec and sort order, by source column name, carried from the input table to the output
 * table. A column that partitions or sorts the data must come out of masking unchanged ({@code keep}): a
 * partition computed from hashed or redacted values would no longer mean what the layout says, a dropped
 * column cannot be a partition source, and partition values are stored in the table's metadata as plain text.
 * Such a layout is refused before anything is written rather than silently rebuilt.
 *
 * @param partitions partition fields: source column, transform and field name
 * @param sorts sort fields: source column, transform, direction and null order
 */
record TableLayout(List<Part> partitions, List<Sort> sorts) {
  static final TableLayout NONE = new TableLayout(List.of(), List.of());
  private static final Pattern WIDTH = Pattern.compile("(bucket|truncate)\\[(\\d+)]");

  record Part(String source, String transform, String name) {}

  record Sort(String source, String transform, boolean ascending, boolean nullsFirst) {}

  static TableLayout of(Schema schema, PartitionSpec spec, SortOrder order) {
    List<Part> parts = new ArrayList<>();
    for (PartitionField field : spec.fields()) {
      parts.add(new Part(schema.findColumnName(field.sourceId()), field.transform().toString(), field.name()));
    }
    List<Sort> sorts = new ArrayList<>();
    for (SortField field : order.fields()) {
      sorts.add(new Sort(schema.findColumnName(field.sourceId()), field.transform().toString(),
          field.direction() == SortDirection.ASC, field.nullOrder() == NullOrder.NULLS_FIRST));
    }
    return new TableLayout(List.copyOf(parts), List.copyOf(sorts));
  }

  /** Refuses a layout whose source columns the plan changes, naming the column, the field and the rule. */
  void requireUnmasked(MaskingPlan plan, String table) {
    for (Part part : partitions) {
      if (!part.transform().equals("void")) {
        requireKept(plan, part.source(), "partition field " + part.name() + " (" + part.transform() + ")", table);
      }
    }
    for (Sort sort : sorts) {
      requireKept(plan, sort.source(), "sort order field " + sort.transform() + "(" + sort.source() + ")", table);
    }
  }

  private static void requireKept(MaskingPlan plan, String column, String what, String table) {
    Optional<ColumnPlan> decision = plan.columns().stream().filter(c -> c.name().equals(column)).findFirst();
    if (decision.isPresent() && decision.get().treatment() == Treatment.KEEP) {
      return;
    }
    String change = decision.map(TableLayout::describe).orElse("is not in the output");
    throw new UsageException("Cannot carry the " + what + " of " + table + " over: its source column '" + column + "' "
        + change + ", and a partition or sort column must pass through unchanged; give '" + column
        + "' { action: keep, reason: ... } if its values may stay, or write the output to a table whose layout does "
        + "not use it (nothing was written)");
  }

  private static String describe(ColumnPlan plan) {
    return switch (plan.treatment()) {
      case DROP -> "is dropped";
      case MASK_VALUE -> "is masked by " + plan.operator().map(o -> o.action()).orElse("an operator");
      case SCAN_TEXT, SCAN_NUMBER -> "is scanned and may be masked (" + plan.origin() + ")";
      case SHUFFLE -> "is shuffled";
      case KEEP -> "is kept";
    };
  }

  /** The partition spec for a new table with {@code schema}. */
  PartitionSpec spec(Schema schema) {
    PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
    for (Part part : partitions) {
      String t = part.transform();
      Matcher width = WIDTH.matcher(t);
      if (width.matches()) {
        int n = Integer.parseInt(width.group(2));
        if (width.group(1).equals("bucket")) {
          builder.bucket(part.source(), n, part.name());
        } else {
          builder.truncate(part.source(), n, part.name());
        }
        continue;
      }
      switch (t) {
        case "identity" -> builder.identity(part.source(), part.name());
        case "year" -> builder.year(part.source(), part.name());
        case "month" -> builder.month(part.source(), part.name());
        case "day" -> builder.day(part.source(), part.name());
        case "hour" -> builder.hour(part.source(), part.name());
        case "void" -> builder.alwaysNull(part.source(), part.name());
        default -> throw new UsageException("Cannot carry partition field " + part.name() + " over: transform " + t
            + " is not one Shroud knows (identity, bucket, truncate, year, month, day, hour, void)");
      }
    }
    return builder.build();
  }

  /** The sort order for a new table with {@code schema}. */
  SortOrder sortOrder(Schema schema) {
    if (sorts.isEmpty()) {
      return SortOrder.unsorted();
    }
    SortOrder.Builder builder = SortOrder.builderFor(schema);
    for (Sort sort : sorts) {
      Term term = term(sort);
      NullOrder nulls = sort.nullsFirst() ? NullOrder.NULLS_FIRST
          : NullOrder.NULLS_LAST;
      if (sort.ascending()) {
        builder.asc(term, nulls);
      } else {
        builder.desc(term, nulls);
      }
    }
    return builder.build();
  }

  private static Term term(Sort sort) {
    Matcher width = WIDTH.matcher(sort.transform());
    if (width.matches()) {
      int n = Integer.parseInt(width.group(2));
      return width.group(1).equals("bucket") ? Expressions.bucket(sort.source(), n) : Expressions.truncate(sort.source(), n);
    }
    return switch (sort.transform()) {
      case "identity" -> Expressions.ref(sort.source());
      case "year" -> Expressions.year(sort.source());
      case "month" -> Expressions.month(sort.source());
      case "day" -> Expressions.day(sort.source());
      case "hour" -> Expressions.hour(sort.source());
      default -> throw new UsageException("Cannot carry the sort order over: transform " + sort.transform()
          + " of column '" + sort.source() + "' is not one Shroud knows");
    };
  }

  /** For the audit: {@code ["identity(country)", "bucket[16](customer_id)"]} and the sort fields. */
  Map<String, Object> toAudit() {
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("partitionSpec", partitions.stream().map(p -> p.transform() + "(" + p.source() + ")").toList());
    audit.put("sortOrder", sorts.stream().map(s -> s.transform() + "(" + s.source() + ") "
        + (s.ascending() ? "asc" : "desc") + (s.nullsFirst() ? " nulls first" : " nulls last")).toList());
    return audit;
  }
}

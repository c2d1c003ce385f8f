package io.shroud.jobs.sanitize;

import io.shroud.connectors.keys.AwsKeyProviderFactory;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.scan.TextScanner;
import io.shroud.core.keys.CachingKeyProvider;
import io.shroud.core.mask.CellMasker;
import io.shroud.core.plan.BoundPolicy;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Planner;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.Policy;
import io.shroud.jobs.iceberg.TableInputs;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.LeafPaths;
import io.shroud.jobs.spark.ProfileStage;
import io.shroud.jobs.spark.SchemaMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Masks the first rows of the input in the driver, exactly as sanitize would, for trying rules on a
 * sample. Returns masked values only, each with the entity types found in it.
 */
public final class PreviewJob {
  private final SparkSession spark;

  public PreviewJob(SparkSession spark) {
    this.spark = spark;
  }

  /** A masked cell and the entity types found in the original. */
  public record Cell(String value, Set<String> types) {}

  /** Column names (dropped ones left out) and masked rows. */
  public record Preview(List<String> columns, List<List<Cell>> rows) {}

  public Preview run(Policy policy, int rows) {
    InputReader.Input input = InputReader.read(spark, TableInputs.open(spark, policy));
    BoundPolicy bound = Planner.bind(policy, SchemaMapping.columns(input.dataSchema()));
    MaskingPlan plan = bound.plan(ProfileStage.profile(input, bound.columnsToProfile(), policy.detection()));
    var frame = input.hasCorruptColumn() ? input.frame().filter(functions.col(InputReader.CORRUPT_COLUMN).isNull()) : input.frame();
    List<Row> sample = frame.limit(rows).collectAsList();
    List<LeafPaths.Leaf> leaves = LeafPaths.leaves(input.dataSchema());
    List<String> names = plan.columns().subList(0, leaves.size()).stream()
        .filter(c -> c.treatment() != Treatment.DROP).map(ColumnPlan::name).toList();
    CellMasker masker = new CellMasker(plan, CachingKeyProvider.forFactory(new AwsKeyProviderFactory()));
    // A rule masks its column without detection; the preview still says what each cell held.
    TextScanner scanner = TextScanner.standard(policy.detection());

    List<List<Cell>> out = new ArrayList<>();
    for (Row row : sample) {
      List<Cell> cells = new ArrayList<>();
      for (int i = 0; i < leaves.size(); i++) {
        ColumnPlan column = plan.columns().get(i);
        // A rule with a condition: preview with whichever of its two plans masks, never the raw value.
        int planned = column.condition().isPresent() && column.treatment() == Treatment.KEEP ? column.otherwise() : i;
        if (column.treatment() == Treatment.DROP) {
          continue;
        }
        Set<String> types = new TreeSet<>();
        CellMasker.Counter counter = new CellMasker.Counter() {
          @Override
          public void found(int c, EntityType type) {
            types.add(type.name());
          }

          @Override
          public void masked(int c) {}
        };
        List<Object> values = new ArrayList<>();
        LeafPaths.values(row, leaves.get(i), values);
        // Quasi-identifiers pass the mask stage untouched and are generalized afterwards over the
        // whole data set, which a preview of a few rows cannot do: never show them raw.
        boolean quasiIdentifier = policy.anonymity().map(a -> a.quasiIdentifierNames().contains(column.name())).orElse(false);
        List<String> shown = new ArrayList<>();
        boolean ruleMasked = column.treatment() == Treatment.MASK_VALUE && column.entity().isEmpty();
        for (Object value : values) {
          String text = value == null ? null : value instanceof String s ? s : String.valueOf(value);
          if (ruleMasked && text != null) {
            scanner.scan(text, DetectionContext.forColumn(column.name())).forEach(f -> types.add(f.type().name()));
          }
          shown.add(column.treatment() == Treatment.SHUFFLE ? "(shuffled)"
              : quasiIdentifier ? "(k-anonymity)"
              : column.treatment() == Treatment.KEEP && planned == i ? text
              : masker.mask(planned, text, counter, c -> flatText(row, leaves.get(c))));
        }
        // Leaves inside arrays or maps have several values per row: shown together, in order.
        cells.add(new Cell(shown.size() == 1 ? shown.get(0) : "[" + String.join(" | ", shown) + "]", types));
      }
      out.add(cells);
    }
    return new Preview(names, out);
  }

  /** The text of a flat column (date shifts take their subject from one); null for nested leaves. */
  private static String flatText(Row row, LeafPaths.Leaf leaf) {
    return leaf.info().nested() || row.isNullAt(leaf.topIndex()) ? null : String.valueOf(row.get(leaf.topIndex()));
  }
}

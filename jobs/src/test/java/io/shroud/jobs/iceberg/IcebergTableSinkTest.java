package io.shroud.jobs.iceberg;

import static io.shroud.jobs.SparkTestSupport.spark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.ShroudException;
import io.shroud.core.policy.CatalogSpec;
import io.shroud.core.policy.OutputSpec;
import io.shroud.core.policy.TableSpec;
import io.shroud.core.policy.WriteMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a staged snapshot when another writer commits between the write and the publish. */
class IcebergTableSinkTest {
  static final StructType SCHEMA = new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);

  @TempDir Path tmp;

  Dataset<Row> rows(long... ids) {
    return spark().createDataFrame(Arrays.stream(ids).mapToObj(i -> RowFactory.create(i, "n" + i)).toList(), SCHEMA);
  }

  TableSpec table() {
    return new TableSpec("db.t", new CatalogSpec(CatalogSpec.Type.HADOOP, tmp.resolve("wh").toString(), null, null, null));
  }

  IcebergTableSink sink(WriteMode mode, String runId) {
    IcebergCatalogs.register(spark(), table().catalog(), Optional.empty());
    IcebergTableSink sink = new IcebergTableSink(spark(), OutputSpec.ofTable(table(), mode, Map.of()), runId, "digest",
        "test rows", Optional.empty());
    sink.checkTarget();
    return sink;
  }

  Table load() {
    return IcebergSession.catalog(spark(), table().catalog()).loadTable(IcebergSession.identifier(table()));
  }

  void commitDirectly(long id) throws Exception {
    rows(id).writeTo(IcebergCatalogs.qualified(spark(), table())).append();
  }

  @Test
  void aStagedAppendIsCherryPickedOntoACommitMadeMeanwhile() throws Exception {
    IcebergTableSink first = sink(WriteMode.CREATE, "run-1");
    first.write(rows(1));
    first.publish();
    IcebergTableSink second = sink(WriteMode.APPEND, "run-2");
    second.write(rows(2, 3));
    assertThat(second.staged().frame().count()).isEqualTo(2);
    commitDirectly(9);
    long published = second.publish();
    Table table = load();
    assertThat(table.currentSnapshot().snapshotId()).isEqualTo(published);
    assertThat(table.currentSnapshot().summary()).containsKey("source-snapshot-id");
    assertThat(spark().read().format("iceberg").load(IcebergCatalogs.qualified(spark(), table())).count()).isEqualTo(4);
    assertThat(table.properties()).containsEntry("shroud.run-id", "run-2");
  }

  @Test
  void aStagedOverwriteRacingACommitIsNotPublishedAndLeavesNoSnapshot() throws Exception {
    IcebergTableSink first = sink(WriteMode.CREATE, "run-1");
    first.write(rows(1));
    first.publish();
    IcebergTableSink second = sink(WriteMode.OVERWRITE, "run-2");
    second.write(rows(2));
    commitDirectly(9);
    List<Long> before = IcebergLocalTest.ids(load());
    long current = load().currentSnapshot().snapshotId();
    assertThatThrownBy(second::publish).isInstanceOf(ShroudException.class)
        .hasMessageStartingWith("Cannot publish table db.t: it changed while the run was writing (")
        .hasMessageEndingWith("); nothing was published, run again");
    second.abort();
    Table table = load();
    assertThat(table.currentSnapshot().snapshotId()).isEqualTo(current);
    assertThat(IcebergLocalTest.ids(table)).isEqualTo(before.stream().filter(id -> !id.equals(second.toAudit()
        .get("stagedSnapshotId"))).toList());
    assertThat(table.properties()).containsEntry("shroud.run-id", "run-1");
  }
}

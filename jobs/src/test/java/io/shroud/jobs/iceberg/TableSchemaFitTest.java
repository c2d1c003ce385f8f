package io.shroud.jobs.iceberg;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.UsageException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TableSchemaFitTest {
  static final StructType TABLE = new StructType().add("id", DataTypes.LongType, false)
      .add("customer", new StructType().add("email", DataTypes.StringType));

  @Test
  void sameColumnsAndTypesFitWhateverTheNullability() {
    StructType masked = new StructType().add("customer", new StructType().add("email", DataTypes.StringType))
        .add("id", DataTypes.LongType, true);
    assertThatCode(() -> TableSchemaFit.require("db.t", TABLE, masked)).doesNotThrowAnyException();
  }

  @Test
  void aChangedTypeAMissingAndAnExtraColumnAreRefused() {
    assertThatThrownBy(() -> TableSchemaFit.require("db.t", TABLE, new StructType().add("id", DataTypes.StringType)
        .add("customer", new StructType().add("email", DataTypes.StringType))))
        .isInstanceOf(UsageException.class)
        .hasMessage("Cannot write to table db.t: column 'id' is bigint in the table and string after masking "
            + "(nothing was written)");
    assertThatThrownBy(() -> TableSchemaFit.require("db.t", TABLE, new StructType().add("id", DataTypes.LongType)))
        .hasMessage("Cannot write to table db.t: the table has column 'customer', which the masked output does not "
            + "(nothing was written)");
    assertThatThrownBy(() -> TableSchemaFit.require("db.t", TABLE, new StructType().add("id", DataTypes.LongType)
        .add("customer", new StructType().add("email", DataTypes.StringType)).add("note", DataTypes.StringType)))
        .hasMessage("Cannot write to table db.t: the masked output has column 'note', which the table does not "
            + "(nothing was written)");
  }
}

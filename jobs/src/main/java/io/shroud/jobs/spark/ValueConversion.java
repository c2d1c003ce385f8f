package io.shroud.jobs.spark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.TimestampType;

/** Turns an operator's text result back into the column's type, for operators that keep types. */
final class ValueConversion {
  private ValueConversion() {}

  static Object fromText(String text, DataType type) {
    if (text == null) {
      return null;
    }
    try {
      if (type instanceof IntegerType) {
        return new BigDecimal(text).intValueExact();
      }
      if (type instanceof LongType) {
        return new BigDecimal(text).longValueExact();
      }
      if (type instanceof ShortType) {
        return new BigDecimal(text).shortValueExact();
      }
      if (type instanceof ByteType) {
        return new BigDecimal(text).byteValueExact();
      }
      if (type instanceof DoubleType) {
        return Double.parseDouble(text);
      }
      if (type instanceof FloatType) {
        return Float.parseFloat(text);
      }
      if (type instanceof DecimalType decimal) {
        return new BigDecimal(text).setScale(decimal.scale(), RoundingMode.HALF_EVEN);
      }
      if (type instanceof DateType) {
        return Date.valueOf(LocalDate.parse(text.substring(0, 10)));
      }
      if (type instanceof TimestampType) {
        return text.indexOf(' ') == 10 ? Timestamp.valueOf(text)
            : text.endsWith("Z") ? Timestamp.from(Instant.parse(text)) : Timestamp.valueOf(LocalDateTime.parse(text));
      }
    } catch (RuntimeException e) {
      // A value the operator produced that the type cannot hold (an overflow) becomes null, never the original.
      return null;
    }
    return text;
  }
}

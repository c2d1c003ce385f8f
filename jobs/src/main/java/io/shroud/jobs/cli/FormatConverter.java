package io.shroud.jobs.cli;

import io.shroud.core.policy.DataFormat;
import picocli.CommandLine;

/** Parses --input-format / --output-format (csv, parquet, json; jsonl is json). */
final class FormatConverter implements CommandLine.ITypeConverter<DataFormat> {
  @Override
  public DataFormat convert(String value) {
    try {
      return DataFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}

package io.shroud.jobs.cli;

import io.shroud.core.policy.DataFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The format of a local input directory without an extension of its own (a sanitize output such as
 * {@code out/customers-masked/}): the one extension its data files share, compression suffixes
 * aside. Used only when neither a flag nor a policy names the format.
 */
final class InputFormats {
  private InputFormats() {}

  static Optional<DataFormat> guess(String location) {
    Optional<Path> local = BeforeSpark.localPath(location);
    if (local.isEmpty() || !Files.isDirectory(local.get())) {
      return Optional.empty();
    }
    Set<DataFormat> formats;
    try (Stream<Path> files = Files.list(local.get())) {
      formats = files.map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_") && !n.startsWith("."))
          .map(InputFormats::formatOf).flatMap(Optional::stream).collect(Collectors.toSet());
    } catch (IOException e) {
      return Optional.empty();
    }
    return formats.size() == 1 ? formats.stream().findFirst() : Optional.empty();
  }

  private static Optional<DataFormat> formatOf(String file) {
    String name = file.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|zst|lz4|snappy|deflate|zstd)$", "");
    if (name.endsWith(".parquet")) {
      return Optional.of(DataFormat.PARQUET);
    }
    if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Optional.of(DataFormat.JSON);
    }
    if (name.endsWith(".csv")) {
      return Optional.of(DataFormat.CSV);
    }
    if (name.endsWith(".txt")) {
      return Optional.of(DataFormat.TEXT);
    }
    return Optional.empty();
  }
}

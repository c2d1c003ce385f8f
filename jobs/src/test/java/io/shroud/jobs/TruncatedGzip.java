package io.shroud.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** A gzip CSV cut in half: found bad only when a Spark task reads it (the job-failure path). */
public final class TruncatedGzip {
  private TruncatedGzip() {}

  /** Writes {@code rows} rows of {@code id,code} gzipped and cut in half to {@code file}; returns it. */
  public static Path write(Path file, int rows) {
    StringBuilder csv = new StringBuilder("id,code\n");
    for (int i = 0; i < rows; i++) {
      csv.append(i).append(",C-").append(i * 7919 % 100_000).append('\n');
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Files.write(file, Arrays.copyOf(gz.toByteArray(), gz.size() / 2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

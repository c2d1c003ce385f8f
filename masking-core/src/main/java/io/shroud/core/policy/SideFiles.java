package io.shroud.core.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Files a policy names besides itself (generalization hierarchies): the one place parsing touches the
 * file system. They are read while the policy loads, on purpose: a missing or malformed hierarchy
 * fails the load with the policy's file, line and key, before any data is read.
 */
final class SideFiles {
  private SideFiles() {}

  /** The lines of {@code file}, named at {@code key} of {@code section} (the key says what it is: "hierarchy"). */
  static List<String> lines(YamlObject section, String key, String file) {
    try {
      return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw section.error(key, "cannot read " + key + " " + file + ": file does not exist");
    } catch (IOException e) {
      throw section.error(key, "cannot read " + key + " " + file + ": " + e.getClass().getSimpleName());
    }
  }
}

package io.shroud.core.policy;

import java.util.List;

/** What to do when the output already exists. */
public enum WriteMode {
  /** Files: refuse an existing output (the default). */
  ERROR_IF_EXISTS("error-if-exists"),
  /** Files: replace an existing output. Tables: replace the table's rows in one new snapshot (create it if missing). */
  OVERWRITE("overwrite"),
  /** Tables: create a new table; refuse an existing one (the default). */
  CREATE("create"),
  /** Tables: add the rows to an existing table in one new snapshot. */
  APPEND("append");

  /** The modes a file output takes, in the order messages list them. */
  public static final List<WriteMode> FILE_MODES = List.of(ERROR_IF_EXISTS, OVERWRITE);
  /** The modes a table output takes. */
  public static final List<WriteMode> TABLE_MODES = List.of(CREATE, OVERWRITE, APPEND);

  private final String yamlName;

  WriteMode(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }
}

package io.shroud.core.policy;

/** What to do when the output path already exists. */
public enum WriteMode {
  ERROR_IF_EXISTS("error-if-exists"),
  OVERWRITE("overwrite");

  private final String yamlName;

  WriteMode(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }
}

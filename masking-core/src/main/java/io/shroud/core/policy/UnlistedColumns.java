package io.shroud.core.policy;

/** What happens to a column the policy does not name. Fail-closed default: detect and mask. */
public enum UnlistedColumns {
  /** Scan the column and mask whatever is found (the default). */
  DETECT("detect"),
  /** Refuse to run while any column is undecided. */
  FAIL("fail"),
  /** Leave undecided columns out of the output. */
  DROP("drop"),
  /** Pass undecided columns through unchanged (recorded in the audit). */
  KEEP("keep");

  private final String yamlName;

  UnlistedColumns(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }
}

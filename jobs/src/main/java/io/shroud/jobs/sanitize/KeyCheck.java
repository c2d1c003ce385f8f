package io.shroud.jobs.sanitize;

import io.shroud.connectors.storage.SeparateLocations;
import io.shroud.connectors.storage.StorageException;
import io.shroud.core.UsageException;
import io.shroud.core.audit.AuditJson;
import io.shroud.core.audit.AuditRecord.Status;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.ColumnAudit;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.operator.OperatorSpec;
import io.shroud.core.operator.Operators;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Before {@code detokenize} reverses a row: the audit record of the sanitize run that wrote its
 * input must show, for every requested column, the same rule, key name, key version and key check
 * value as this run would use. FF1 under a wrong key gives plausible but wrong values, and nothing
 * downstream could tell; this refuses instead, naming the key and the column.
 *
 * <p>The record is the newest succeeded {@code sanitize} record in the input's audit directory (the
 * policy's {@code audit.path}, else {@code <input>_audit}) whose output is the input, or an explicit
 * {@code --audit FILE}. It guards against mistakes (a wrong key file, a rotated key, an edited rule),
 * not against someone who can rewrite the audit directory: the signed manifest is for that.
 */
public final class KeyCheck {
  private KeyCheck() {}

  /** The sanitize run's record and where it was read. */
  record Source(AuditRecord record, String location) {
    String describe() {
      return location.substring(location.lastIndexOf('/') + 1) + " (run " + record.runId() + ")";
    }
  }

  /** What a detokenize run asks for: an explicit record, or no check at all. */
  public record Request(Optional<String> auditFile, boolean skip) {
    public static final Request FIND = new Request(Optional.empty(), false);
  }

  /** The sanitize run's record for {@code input}: the explicit file, or the newest matching one in the directory. */
  static Source find(Configuration conf, String input, String auditDirectory, Optional<String> explicitFile) {
    if (explicitFile.isPresent()) {
      Source source = read(conf, new Path(explicitFile.get()));
      if (!"sanitize".equals(source.record().command()) || !source.record().ended(Status.SUCCEEDED)) {
        throw new UsageException("Invalid --audit " + explicitFile.get() + ": it records a " + source.record().status()
            + " '" + source.record().command() + "' run, not a succeeded sanitize run");
      }
      return source;
    }
    Path directory = new Path(auditDirectory);
    FileStatus[] records;
    try {
      FileSystem fs = directory.getFileSystem(conf);
      records = fs.globStatus(new Path(directory, "audit-*.json"));
    } catch (IOException e) {
      throw new StorageException("Cannot list audit records in " + auditDirectory + ": " + e.getMessage(), e);
    }
    // Run ids start with the UTC start time, so names sort by time: the newest matching run wins.
    List<FileStatus> newestFirst = records == null ? List.of() : Arrays.stream(records)
        .sorted(Comparator.comparing((FileStatus f) -> f.getPath().getName()).reversed()).toList();
    for (FileStatus file : newestFirst) {
      Source source = read(conf, file.getPath());
      AuditRecord record = source.record();
      if ("sanitize".equals(record.command()) && record.ended(Status.SUCCEEDED) && record.output() != null
          && SeparateLocations.same(record.output().get("path"), input)) {
        return source;
      }
    }
    throw new UsageException("Cannot detokenize " + input + ": no audit record of the sanitize run that wrote it "
        + "(a succeeded sanitize audit-*.json whose output is " + input + ") in " + auditDirectory
        + "; pass --audit FILE to name it, or --no-key-check to reverse without checking the keys "
        + "(a wrong key then gives wrong values)");
  }

  /**
   * @param rules the requested columns with the policy's (reversible) rule for each
   * @param keys the keys this run would use (after --key-version)
   * @param operators resolves those keys
   * @throws UsageException naming the column and key at the first difference
   */
  static void verify(Source source, Map<String, OperatorSpec> rules, Map<String, KeySpec> keys, Operators operators) {
    rules.forEach((column, rule) -> verifyColumn(source, column, rule, keys.get(rule.keyName()), operators));
  }

  private static void verifyColumn(Source source, String column, OperatorSpec rule, KeySpec key, Operators operators) {
    String prefix = "Cannot detokenize column '" + column + "': ";
    ColumnAudit audited = source.record().columns().stream().filter(c -> c.name().equals(column)).findFirst()
        .orElseThrow(() -> new UsageException(prefix + "the audit record " + source.describe() + " has no such column"));
    Map<String, Object> now = AuditBuilder.describe(rule);
    Map<String, Object> then = audited.operator() == null ? null : audited.operator().toJson();
    if (then == null || !now.get("action").equals(then.get("action"))) {
      throw new UsageException(prefix + "the sanitize run " + source.describe() + " masked it with "
          + (then == null ? "no rule of its own" : "'" + then.get("action") + "'") + ", the policy says '" + rule.action() + "'");
    }
    for (Map.Entry<String, Object> parameter : now.entrySet()) {
      Object recorded = then.get(parameter.getKey());
      if (!String.valueOf(parameter.getValue()).equals(String.valueOf(recorded))) {
        throw new UsageException(prefix + "its rule differs from the one that masked it in " + source.describe()
            + " (" + parameter.getKey() + ": " + recorded + " then, " + parameter.getValue() + " now); reverse it with "
            + "the policy as it was");
      }
    }
    String keyName = rule.keyName();
    ColumnAudit.KeyUse used = audited.keys().stream().filter(k -> k.name().equals(keyName)).findFirst()
        .orElseThrow(() -> new UsageException(prefix + "the audit record " + source.describe() + " lists no key '"
            + keyName + "' for it"));
    if (used.checkValue() == null) {
      throw new UsageException(prefix + "the audit record " + source.describe() + " has no key check value (it was "
          + "written by an older Shroud); pass --no-key-check to reverse it without the check");
    }
    if (used.version() != key.version()) {
      boolean available = key.version() == used.version()
          || key.previous().stream().anyMatch(p -> p.version() == used.version());
      throw new UsageException(prefix + "it was masked with key '" + keyName + "' version " + used.version()
          + ", this run would use version " + key.version() + (available
              ? "; pass --key-version " + keyName + "=" + used.version()
              : "; the policy's key '" + keyName + "' has no version " + used.version() + " (add it under 'previous')"));
    }
    String current = operators.checkValue(rule);
    if (!current.equals(used.checkValue())) {
      throw new UsageException(prefix + "key '" + keyName + "' version " + key.version() + " (" + key.describe()
          + ") is not the key that masked it" + (rule.auditParameters().containsKey("tweak")
              && !"none".equals(rule.auditParameters().get("tweak")) ? ", or the rule's tweak changed" : "")
          + " (key check value " + used.checkValue() + " in " + source.describe() + ", " + current + " now); "
          + "nothing was read");
    }
  }

  private static Source read(Configuration conf, Path file) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      String json;
      try (InputStream in = fs.open(file)) {
        json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return new Source(AuditJson.fromJson(json), fs.makeQualified(file).toString());
    } catch (FileNotFoundException e) {
      throw new UsageException("Cannot read audit record " + file + ": file does not exist");
    } catch (IOException e) {
      throw new StorageException("Cannot read audit record " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UsageException("Invalid audit record " + file + ": not a Shroud audit record (" + e.getMessage() + ")");
    }
  }
}

package io.shroud.jobs.sanitize;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Identity and start time of one run. Run ids sort by time: {@code 20261122T051500Z-1a2b3c4d}.
 *
 * @param runId unique, sortable id
 * @param startedAt when the run began
 * @param command the CLI command
 */
public record RunInfo(String runId, Instant startedAt, String command) {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public static RunInfo start(String command) {
    Instant now = Instant.now();
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return new RunInfo(ID_TIME.format(now) + "-" + HexFormat.of().formatHex(random), now, command);
  }
}

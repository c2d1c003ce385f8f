package io.shroud.core.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys in local files (base64 of at least 32 random bytes), for local runs only: a file readable by
 * group or others is refused, and the first use of each file in a JVM logs one warning (executors
 * and the driver share a JVM in local mode, so a run says it once). Production keys come from
 * Secrets Manager or KMS.
 */
public final class LocalKeyFileProvider implements KeyProvider {
  private static final Logger LOG = LoggerFactory.getLogger(LocalKeyFileProvider.class);
  /** Key files already warned about in this JVM. */
  private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();
  private static final Set<PosixFilePermission> UNSAFE = Set.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  @Override
  public KeyMaterial get(KeySpec spec) {
    if (spec.source() != KeySpec.KeySource.FILE) {
      throw new KeyException("Cannot fetch key '" + spec.name() + "' from " + spec.describe()
          + ": this run only has local key files (AWS key sources come with the connectors module)");
    }
    Path file = Path.of(spec.location());
    boolean created = false;
    if (spec.generateIfMissing() && !Files.exists(file)) {
      generate(spec.name(), file);
      created = true;
    }
    checkPermissions(spec.name(), file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      throw new KeyException("Cannot read key '" + spec.name() + "': file " + file
          + " does not exist (create one with: shroud keys generate --out " + file + ")");
    } catch (IOException e) {
      throw new KeyException("Cannot read key '" + spec.name() + "' from " + file + ": " + e.getClass().getSimpleName(), e);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new KeyException("Invalid key file " + file + " for key '" + spec.name() + "': expected base64 text");
    }
    if (WARNED.add(file.toAbsolutePath().normalize())) {
      LOG.warn("key '{}' is the local file {}{}: fine for trying Shroud; keep keys for real data in Secrets Manager "
          + "or KMS (see conf/README.md, keys)", spec.name(), file,
          created ? " (created now: keep it, the masked output can only be matched or reversed with it)" : "");
    }
    try {
      return new KeyMaterial(spec.name(), bytes);
    } catch (IllegalArgumentException e) {
      throw new KeyException("Invalid key file " + file + ": " + e.getMessage());
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Writes a new random 256-bit key readable by the owner only. Silent: the caller says what it did
   * ({@code keys generate} prints the file, a run's first use warns once).
   *
   * @param name the key's name, for error messages
   */
  public static void generate(String name, Path file) {
    byte[] bytes = new byte[KeyMaterial.MIN_BYTES];
    new SecureRandom().nextBytes(bytes);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
    } catch (FileAlreadyExistsException e) {
      throw new KeyException("Cannot generate key '" + name + "': " + file + " already exists");
    } catch (IOException e) {
      throw new KeyException("Cannot generate key '" + name + "' in " + file + ": " + e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static void checkPermissions(String name, Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      for (PosixFilePermission p : perms) {
        if (UNSAFE.contains(p)) {
          throw new KeyException("Cannot use key '" + name + "': " + file + " is readable or writable by group or others ("
              + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
        }
      }
    } catch (NoSuchFileException e) {
      throw new KeyException("Cannot read key '" + name + "': file " + file
          + " does not exist (create one with: shroud keys generate --out " + file + ")");
    } catch (UnsupportedOperationException | IOException e) {
      // Non-POSIX file systems cannot be checked; the warning on use still applies.
    }
  }
}

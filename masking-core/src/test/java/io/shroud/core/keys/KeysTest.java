package io.shroud.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {
  @TempDir Path dir;

  @Test
  void generatedKeyFilesAreOwnerOnlyAndStable() throws Exception {
    Path file = dir.resolve("keys/dev.key");
    KeySpec spec = new KeySpec("dev", KeySpec.KeySource.FILE, file.toString(), true);
    KeyMaterial first = new LocalKeyFileProvider().get(spec);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(new LocalKeyFileProvider().get(spec)).isEqualTo(first);
    assertThat(first.fingerprint()).hasSize(16).matches("[0-9a-f]+");
  }

  @Test
  void refusesAWorldReadableKeyFile() throws Exception {
    Path file = dir.resolve("open.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    KeySpec spec = new KeySpec("open", KeySpec.KeySource.FILE, file.toString(), false);
    assertThatThrownBy(() -> new LocalKeyFileProvider().get(spec))
        .isInstanceOf(KeyException.class)
        .hasMessage("Cannot use key 'open': " + file + " is readable or writable by group or others (rw-r--r--); "
            + "run: chmod 600 " + file);
  }

  @Test
  void missingShortOrGarbledKeysAreClearErrors() throws Exception {
    Path missing = dir.resolve("nope.key");
    assertThatThrownBy(() -> new LocalKeyFileProvider().get(new KeySpec("k", KeySpec.KeySource.FILE, missing.toString(), false)))
        .hasMessage("Cannot read key 'k': file " + missing + " does not exist (create one with: shroud keys generate --out " + missing + ")");
    Path shortKey = dir.resolve("short.key");
    Files.createFile(shortKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[8]));
    assertThatThrownBy(() -> new LocalKeyFileProvider().get(new KeySpec("k", KeySpec.KeySource.FILE, shortKey.toString(), false)))
        .hasMessage("Invalid key file " + shortKey + ": Invalid key 'k': 8 bytes; at least 32 are required");
    Files.writeString(shortKey, "not base64 !!!");
    assertThatThrownBy(() -> new LocalKeyFileProvider().get(new KeySpec("k", KeySpec.KeySource.FILE, shortKey.toString(), false)))
        .hasMessage("Invalid key file " + shortKey + " for key 'k': expected base64 text");
  }

  @Test
  void keyMaterialNeverPrintsOrSerializes() throws Exception {
    byte[] bytes = new byte[32];
    bytes[0] = 0x7f;
    KeyMaterial key = new KeyMaterial("secret-key", bytes);
    assertThat(key.toString()).isEqualTo("KeyMaterial[secret-key, redacted]");
    assertThatThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(key))
        .isInstanceOf(NotSerializableException.class);
    assertThat(key.derive("hash")).isNotEqualTo(key.derive("pseudonymize")).isNotEqualTo(bytes);
  }

  @Test
  void cachingProviderFetchesOnce() {
    int[] calls = {0};
    KeyProvider counting = spec -> {
      calls[0]++;
      return new KeyMaterial(spec.name(), new byte[32]);
    };
    CachingKeyProvider cache = new CachingKeyProvider(counting);
    KeySpec spec = new KeySpec("k", KeySpec.KeySource.FILE, "x", false);
    cache.get(spec);
    cache.get(spec);
    assertThat(calls[0]).isEqualTo(1);
  }
}

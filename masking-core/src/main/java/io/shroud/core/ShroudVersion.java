package io.shroud.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Shroud running, for the audit and {@code --version}. */
public final class ShroudVersion {
  private static final String VERSION = load();

  private ShroudVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ShroudVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

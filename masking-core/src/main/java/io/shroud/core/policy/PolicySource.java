package io.shroud.core.policy;

import java.util.Optional;

/**
 * The name of a policy's file and the line of each of its keys: enough to say where a problem is.
 *
 * @param name the file as the user named it, or a description of a built-in policy
 * @param locations key and value lines
 */
public record PolicySource(String name, SourceLocations locations) {

  public static PolicySource builtIn(String description) {
    return new PolicySource(description, SourceLocations.none());
  }

  /** "Invalid policy FILE, line N: MESSAGE" for the node at a JSON pointer. */
  public InvalidPolicyException error(String pointer, String message) {
    Optional<Integer> line = locations.lineOf(pointer);
    String where = line.map(l -> name + ", line " + l).orElse(name);
    return new InvalidPolicyException("Invalid policy " + where + ": " + message);
  }

  /** A JSON pointer as a dotted key path for humans: {@code /output/mode} becomes {@code output.mode}. */
  public static String dotted(String pointer) {
    if (pointer.isEmpty() || pointer.equals("/")) {
      return "(top level)";
    }
    return pointer.substring(1).replace("~1", "/").replace("~0", "~").replace('/', '.');
  }
}

package io.shroud.connectors.storage;

import io.shroud.core.UsageException;
import io.shroud.core.policy.Policy;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps what a run writes away from what it reads. An output equal to or inside the input would be
 * read back as input by the next run (and, with overwrite, replace the input); an output around the
 * input would delete it when replaced. Pure path logic, so it runs before Spark starts: local paths
 * are compared after resolving symbolic links, S3 paths by bucket and key ({@code s3://} and
 * {@code s3a://} name the same objects), other URIs by scheme, authority and path.
 */
public final class SeparateLocations {
  private SeparateLocations() {}

  /**
   * @throws UsageException when the output is the input, inside it or around it, or the audit
   *     directory is the input or inside it
   */
  public static void require(String input, String output, String auditDir) {
    require(input, Place.of(input), output, Place.of(output), auditDir);
  }

  /**
   * The same for a policy, whose input or output may be an Iceberg table: a table counts by its
   * location in the warehouse when the catalog makes that known (not a REST catalog's, which its
   * server decides; such a side is not compared), and is named by table and location.
   */
  public static void require(Policy policy) {
    String auditDir = policy.audit().directoryFor(policy.output().path());
    Optional<String> input = policy.input().table().isPresent()
        ? policy.input().table().get().defaultLocation() : Optional.of(policy.input().path());
    Optional<String> output = Optional.ofNullable(policy.output().storageLocation());
    if (input.isEmpty()) {
      return;
    }
    String inputName = policy.input().table().isPresent() ? policy.input().path() + " at " + input.get() : input.get();
    if (output.isEmpty()) {
      requireAuditOutside(inputName, Place.of(input.get()), auditDir);
      return;
    }
    String outputName = policy.output().table().isPresent() ? policy.output().path() + " at " + output.get()
        : output.get();
    require(inputName, Place.of(input.get()), outputName, Place.of(output.get()), auditDir);
  }

  private static void require(String input, Place in, String output, Place out, String auditDir) {
    if (in.sameAs(out)) {
      throw new UsageException("Invalid output " + output + ": it is the input; write the masked copy to another path");
    }
    if (out.isInside(in)) {
      throw new UsageException("Invalid output " + output + ": it is inside the input " + input
          + " (the next read of the input would include it); write it outside the input");
    }
    if (in.isInside(out)) {
      throw new UsageException("Invalid output " + output + ": it contains the input " + input
          + " (replacing the output would delete the input); write it outside the input");
    }
    requireAuditOutside(input, in, auditDir);
  }

  private static void requireAuditOutside(String input, Place in, String auditDir) {
    Place audit = Place.of(auditDir);
    if (audit.sameAs(in) || audit.isInside(in)) {
      throw new UsageException("Invalid audit directory " + auditDir + ": it is " + (audit.sameAs(in) ? "the input"
          : "inside the input " + input) + "; set audit.path outside the input");
    }
  }

  /** Whether two locations name the same place (see the class comment for how they are compared). */
  public static boolean same(String a, String b) {
    return a != null && b != null && Place.of(a).sameAs(Place.of(b));
  }

  /** A location as a root (scheme and authority) and normalized path segments. */
  private record Place(String root, List<String> segments) {
    static Place of(String location) {
      URI uri = parse(location);
      String scheme = uri == null || uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (scheme.equals("file") || uri == null) {
        return local(uri == null || uri.getScheme() == null ? Path.of(location) : Path.of(uri));
      }
      if (scheme.equals("s3a") || scheme.equals("s3n")) {
        scheme = "s3";
      }
      String authority = uri.getAuthority() == null ? "" : uri.getAuthority();
      return new Place(scheme + "://" + authority, segments(uri.getPath() == null ? "" : uri.getPath()));
    }

    private static URI parse(String location) {
      if (!location.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
        return null;
      }
      try {
        return new URI(location);
      } catch (URISyntaxException e) {
        return null;
      }
    }

    /** Absolute, normalized, with symbolic links resolved on the part that exists. */
    private static Place local(Path path) {
      Path absolute = path.toAbsolutePath().normalize();
      Path existing = absolute;
      List<String> missing = new ArrayList<>();
      while (existing != null && !Files.exists(existing)) {
        missing.add(0, existing.getFileName().toString());
        existing = existing.getParent();
      }
      Path resolved = absolute;
      if (existing != null) {
        try {
          resolved = existing.toRealPath();
          for (String name : missing) {
            resolved = resolved.resolve(name);
          }
        } catch (IOException e) {
          resolved = absolute;
        }
      }
      List<String> names = new ArrayList<>();
      resolved.forEach(name -> names.add(name.toString()));
      return new Place("file://", names);
    }

    private static List<String> segments(String path) {
      List<String> names = new ArrayList<>();
      for (String name : path.split("/")) {
        if (name.isEmpty() || name.equals(".")) {
          continue;
        }
        if (name.equals("..")) {
          if (!names.isEmpty()) {
            names.remove(names.size() - 1);
          }
        } else {
          names.add(name);
        }
      }
      return names;
    }

    boolean sameAs(Place other) {
      return root.equals(other.root) && segments.equals(other.segments);
    }

    /** Strictly inside: a proper descendant. */
    boolean isInside(Place other) {
      return root.equals(other.root) && segments.size() > other.segments.size()
          && segments.subList(0, other.segments.size()).equals(other.segments);
    }
  }
}

package io.shroud.jobs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shroud.core.UsageException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Checks for the arguments the {@code iam} commands share, and their JSON output. */
final class IamArguments {
  private IamArguments() {}

  static void account(String account) {
    if (account != null && !account.matches("\\d{12}")) {
      throw new UsageException("Invalid --account " + account + ": expected a 12-digit account id");
    }
  }

  static void sourceVpces(List<String> vpces) {
    for (String vpce : vpces) {
      if (vpce != null && !vpce.matches("vpce-[0-9a-f]{8,17}")) {
        throw new UsageException("Invalid --source-vpce " + vpce + ": expected an endpoint id such as vpce-1a2b3c4d");
      }
    }
  }

  /** Public CIDR ranges: aws:SourceIp never sees the private addresses of a VPC (those come through endpoints). */
  static void sourceIps(List<String> cidrs) {
    for (String cidr : cidrs) {
      String[] parts = cidr.split("/", -1);
      InetAddress address;
      try {
        if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F:.]+")) {
          throw new UnknownHostException(cidr);
        }
        address = InetAddress.getByName(parts[0]);
        int bits = Integer.parseInt(parts[1]);
        if (bits < 0 || bits > address.getAddress().length * 8) {
          throw new UnknownHostException(cidr);
        }
      } catch (UnknownHostException | NumberFormatException e) {
        throw new UsageException("Invalid --source-ip " + cidr + ": expected a CIDR range such as 203.0.113.0/24");
      }
      if (address.isSiteLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()) {
        throw new UsageException("Invalid --source-ip " + cidr + ": a private range never matches aws:SourceIp "
            + "(requests from a VPC reach S3 through an endpoint: use --source-vpce)");
      }
    }
  }

  static void print(PrintWriter out, Object document) {
    try {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a policy is plain maps, lists and strings", e);
    }
    out.flush();
  }
}

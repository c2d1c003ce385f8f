package io.shroud.connectors.macie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.core.ShroudException;
import io.shroud.core.UsageException;
import io.shroud.core.detect.EntityType;
import io.shroud.core.plan.ColumnHints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.Finding;
import software.amazon.awssdk.services.macie2.model.ListFindingsResponse;
import software.amazon.awssdk.services.macie2.model.Macie2Exception;

/**
 * Reads Macie's sensitive-data findings for the input's bucket and prefix (ListFindings, then
 * GetFindings in batches of 50) and, optionally, the JSON-lines discovery results each finding points
 * to, and returns occurrences per column. Runs on the driver, before planning. Only counts and column
 * names are kept: Macie findings hold no cell values, and nothing is logged.
 */
public final class MacieHints {
  public static final String SOURCE = "Amazon Macie";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MacieSettings settings;
  private final Configuration hadoop;

  public MacieHints(MacieSettings settings, Configuration hadoop) {
    this.settings = settings;
    this.hadoop = hadoop;
  }

  /** What was read, for the audit. */
  public record Result(ColumnHints hints, int findingsRead, int detailedResultFiles, String bucket, String prefix) {}

  public Result fetch(String inputPath) {
    String bucket = settings.bucketOrNull() != null ? settings.bucketOrNull() : bucketOf(inputPath);
    String prefix = settings.prefixOrNull() != null ? settings.prefixOrNull() : prefixOf(inputPath);
    Macie2Client client = client();
    List<String> ids = new ArrayList<>();
    String token = null;
    try {
      do {
        String next = token;
        ListFindingsResponse page = client.listFindings(r -> r.maxResults(50).nextToken(next)
            .findingCriteria(c -> c.criterion(Map.of(
                "category", CriterionAdditionalProperties.builder().eq("CLASSIFICATION").build(),
                "resourcesAffected.s3Bucket.name", CriterionAdditionalProperties.builder().eq(bucket).build())))
            .sortCriteria(s -> s.attributeName("updatedAt").orderBy("DESC")));
        ids.addAll(page.findingIds());
        token = page.nextToken();
      } while (token != null && !token.isEmpty() && ids.size() < settings.maxFindings());
      Map<String, Map<EntityType, Long>> byColumn = new TreeMap<>();
      Set<String> results = new LinkedHashSet<>();
      int read = 0;
      List<String> wanted = ids.subList(0, Math.min(ids.size(), settings.maxFindings()));
      for (int i = 0; i < wanted.size(); i += 50) {
        List<String> batch = wanted.subList(i, Math.min(wanted.size(), i + 50));
        for (Finding finding : client.getFindings(r -> r.findingIds(batch)).findings()) {
          String key = finding.resourcesAffected() == null || finding.resourcesAffected().s3Object() == null ? ""
              : finding.resourcesAffected().s3Object().key();
          if (prefix.isEmpty() || key.startsWith(prefix)) {
            read++;
            if (finding.classificationDetails() != null && finding.classificationDetails().result() != null) {
              MacieOccurrences.collect(finding.classificationDetails().result(), byColumn);
            }
            if (settings.detailedResults() && finding.classificationDetails() != null
                && finding.classificationDetails().detailedResultsLocation() != null) {
              results.add(finding.classificationDetails().detailedResultsLocation());
            }
          }
        }
      }
      for (String location : results) {
        readDetailedResults(location, byColumn);
      }
      return new Result(new ColumnHints(SOURCE, byColumn), read, results.size(), bucket, prefix);
    } catch (Macie2Exception e) {
      String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
      throw new ShroudException("Cannot read Amazon Macie findings for bucket " + bucket + " in " + settings.region()
          + ": " + code + " (HTTP " + e.statusCode() + ")");
    } catch (SdkClientException e) {
      throw new ShroudException("Cannot reach Amazon Macie at " + (settings.endpointOrNull() == null
          ? "its " + settings.region() + " endpoint" : settings.endpointOrNull()) + ": " + e.getClass().getSimpleName());
    }
  }

  /** Macie's discovery results: JSON lines (gzip when the name ends in .gz), one object per line. */
  private void readDetailedResults(String location, Map<String, Map<EntityType, Long>> byColumn) {
    Path path = new Path(location.startsWith("s3://") && hadoop.get("fs.s3.impl") == null
        ? "s3a://" + location.substring("s3://".length()) : location);
    try (InputStream raw = path.getFileSystem(hadoop).open(path);
        InputStream in = location.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode node = JSON.readTree(line);
          MacieOccurrences.collect(node.path("classificationDetails").path("result"), byColumn);
        }
      }
    } catch (IOException e) {
      throw new ShroudException("Cannot read Macie discovery results " + location + ": " + e.getClass().getSimpleName());
    }
  }

  private Macie2Client client() {
    var builder = Macie2Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(settings.region()));
    if (settings.endpointOrNull() != null) {
      builder.endpointOverride(URI.create(settings.endpointOrNull()));
    }
    return builder.build();
  }

  static String bucketOf(String inputPath) {
    URI uri = s3Uri(inputPath);
    return uri.getHost();
  }

  static String prefixOf(String inputPath) {
    String path = s3Uri(inputPath).getPath();
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static URI s3Uri(String inputPath) {
    if (!inputPath.matches("s3[an]?://[^/]+.*")) {
      throw new UsageException("Invalid policy: 'detection.macie' needs 'bucket' when input.path (" + inputPath
          + ") is not an s3:// or s3a:// URI");
    }
    return URI.create(inputPath);
  }

}

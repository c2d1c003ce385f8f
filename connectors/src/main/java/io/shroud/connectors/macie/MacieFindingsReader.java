package io.shroud.connectors.macie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.connectors.storage.StorageException;
import io.shroud.core.policy.AwsSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.macie2.Macie2Client;
import software.amazon.awssdk.services.macie2.model.Cell;
import software.amazon.awssdk.services.macie2.model.CriterionAdditionalProperties;
import software.amazon.awssdk.services.macie2.model.Finding;
import software.amazon.awssdk.services.macie2.model.ListFindingsResponse;
import software.amazon.awssdk.services.macie2.model.Occurrences;
import software.amazon.awssdk.services.macie2.model.Record;

/**
 * Reads Amazon Macie's sensitive-data findings for an input bucket and prefix (macie2 ListFindings,
 * GetFindings) and, optionally, the JSON-lines discovery results at each finding's
 * {@code detailedResultsLocation} (which list every occurrence, not Macie's sample of 15), and turns
 * their occurrences into column hints: {@code cells[].columnName} for CSV/TSV, {@code records[].jsonPath}
 * for JSON and Parquet.
 *
 * <p>Not yet wired into detection; see docs/aws.md.
 */
public final class MacieFindingsReader {
  private static final int GET_FINDINGS_BATCH = 50;
  private final Macie2Client macie;
  private final Configuration conf;

  public MacieFindingsReader(Macie2Client macie, Configuration conf) {
    this.macie = macie;
    this.conf = conf;
  }

  public MacieHints read(String inputPath, boolean includeDetailedResults) {
    String bucket = AwsSettings.bucketOf(inputPath);
    String prefix = inputPath.substring(inputPath.indexOf("://") + 3 + bucket.length()).replaceFirst("^/", "");
    List<String> ids = listFindingIds(bucket);
    Map<String, Map<String, Long>> hints = new TreeMap<>();
    List<String> used = new ArrayList<>();
    List<String> resultFiles = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += GET_FINDINGS_BATCH) {
      List<String> batch = ids.subList(i, Math.min(ids.size(), i + GET_FINDINGS_BATCH));
      List<Finding> findings;
      try {
        findings = macie.getFindings(r -> r.findingIds(batch)).findings();
      } catch (SdkException e) {
        throw new StorageException("Cannot read Amazon Macie findings for bucket '" + bucket + "': " + describe(e), e);
      }
      for (Finding f : findings) {
        String key = f.resourcesAffected() == null || f.resourcesAffected().s3Object() == null
            ? "" : f.resourcesAffected().s3Object().key();
        if (!key.startsWith(prefix) || f.classificationDetails() == null) {
          continue; // Macie's criteria have no prefix match: objects outside the input prefix are skipped here
        }
        used.add(f.id());
        String location = f.classificationDetails().detailedResultsLocation();
        if (includeDetailedResults && location != null && !location.isBlank()) {
          // Every occurrence, so the finding's sample (at most 15 per type) is not counted again.
          readDetailedResults(location, hints);
          resultFiles.add(location);
        } else if (f.classificationDetails().result() != null && f.classificationDetails().result().sensitiveData() != null) {
          f.classificationDetails().result().sensitiveData().forEach(sd -> sd.detections().forEach(d ->
              addOccurrences(hints, d.type(), d.occurrences())));
        }
      }
    }
    return new MacieHints(hints, used, resultFiles);
  }

  private List<String> listFindingIds(String bucket) {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListFindingsResponse page;
      try {
        page = macie.listFindings(r -> r.maxResults(50).nextToken(next).findingCriteria(c -> c.criterion(Map.of(
            "category", CriterionAdditionalProperties.builder().eq("CLASSIFICATION").build(),
            "resourcesAffected.s3Bucket.name", CriterionAdditionalProperties.builder().eq(bucket).build()))));
      } catch (SdkException e) {
        throw new StorageException("Cannot list Amazon Macie findings for bucket '" + bucket + "': " + describe(e), e);
      }
      ids.addAll(page.findingIds());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return ids;
  }

  private static void addOccurrences(Map<String, Map<String, Long>> hints, String macieType, Occurrences occurrences) {
    if (occurrences == null) {
      return;
    }
    String entity = MacieHints.entityType(macieType);
    for (Cell cell : occurrences.cells()) {
      if (cell.columnName() != null) {
        hints.computeIfAbsent(cell.columnName(), c -> new TreeMap<>()).merge(entity, 1L, Long::sum);
      }
    }
    for (Record record : occurrences.records()) {
      if (record.jsonPath() != null) {
        hints.computeIfAbsent(MacieHints.columnOfJsonPath(record.jsonPath()), c -> new TreeMap<>())
            .merge(entity, 1L, Long::sum);
      }
    }
  }

  /** One JSON object per line (gzip when the name ends in .gz), each with classificationDetails like a finding. */
  private void readDetailedResults(String location, Map<String, Map<String, Long>> hints) {
    Path path = new Path(location.startsWith("s3://") && !conf.get("fs.s3.impl", "").contains("Emr")
        ? "s3a://" + location.substring("s3://".length()) : location);
    ObjectMapper json = new ObjectMapper();
    try (InputStream raw = path.getFileSystem(conf).open(path);
        InputStream in = location.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode result = json.readTree(line).path("classificationDetails").path("result");
        for (JsonNode sd : result.path("sensitiveData")) {
          for (JsonNode d : sd.path("detections")) {
            String entity = MacieHints.entityType(d.path("type").asText());
            for (JsonNode cell : d.path("occurrences").path("cells")) {
              if (cell.hasNonNull("columnName")) {
                hints.computeIfAbsent(cell.get("columnName").asText(), c -> new TreeMap<>()).merge(entity, 1L, Long::sum);
              }
            }
            for (JsonNode record : d.path("occurrences").path("records")) {
              if (record.hasNonNull("jsonPath")) {
                hints.computeIfAbsent(MacieHints.columnOfJsonPath(record.get("jsonPath").asText()), c -> new TreeMap<>())
                    .merge(entity, 1L, Long::sum);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new StorageException("Cannot read Macie discovery results " + location + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private static String describe(SdkException e) {
    if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s && s.awsErrorDetails() != null) {
      return s.awsErrorDetails().errorCode() + " (" + s.awsErrorDetails().errorMessage() + ")";
    }
    return "service unreachable";
  }
}

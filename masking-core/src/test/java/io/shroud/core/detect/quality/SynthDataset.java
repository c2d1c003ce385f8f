package io.shroud.core.detect.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** presidio-research's synth_dataset_v2.json: 1,500 sentences with labelled spans. */
final class SynthDataset {
  record Span(String type, int start, int end) {
    boolean overlaps(int otherStart, int otherEnd) {
      return start < otherEnd && otherStart < end;
    }
  }

  record Sentence(String text, List<Span> spans) {}

  private SynthDataset() {}

  static List<Sentence> load() {
    try (InputStream in = SynthDataset.class.getResourceAsStream(PresidioCases.ROOT + "synth_dataset_v2.json")) {
      if (in == null) {
        throw new IllegalStateException("Missing synth_dataset_v2.json test resource");
      }
      List<Sentence> sentences = new ArrayList<>();
      for (JsonNode record : new ObjectMapper().readTree(in)) {
        List<Span> spans = new ArrayList<>();
        for (JsonNode span : record.get("spans")) {
          spans.add(new Span(span.get("entity_type").asText(), span.get("start_position").asInt(),
              span.get("end_position").asInt()));
        }
        sentences.add(new Sentence(record.get("full_text").asText(), spans));
      }
      return sentences;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.shroud.connectors.comprehend;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of Comprehend's DetectPiiEntities (JSON 1.1 protocol): finds a fixed list of names and any
 * e-mail address in the request's Text and answers with entities whose offsets count characters (code
 * points), as the service documents. Records each request's UTF-8 size and language code.
 */
final class FakeComprehend implements ResponseDefinitionTransformerV2 {
  static final String NAME = "fake-comprehend";
  private static final List<String> NAMES = List.of("Maria Lopez", "James Smith", "Zoë Müller");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

  final List<Integer> requestBytes = new CopyOnWriteArrayList<>();
  final List<String> languages = new CopyOnWriteArrayList<>();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    @SuppressWarnings("unchecked")
    Map<String, Object> request = Json.read(event.getRequest().getBodyAsString(), Map.class);
    String text = (String) request.get("Text");
    requestBytes.add(text.getBytes(StandardCharsets.UTF_8).length);
    languages.add((String) request.get("LanguageCode"));
    List<Map<String, Object>> entities = new ArrayList<>();
    for (String name : NAMES) {
      for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
        entities.add(entity(text, i, i + name.length(), "NAME", 0.999));
      }
    }
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      entities.add(entity(text, m.start(), m.end(), "EMAIL", 0.998));
    }
    if (text.contains("on 2024-05-01")) {
      int i = text.indexOf("2024-05-01");
      entities.add(entity(text, i, i + 10, "DATE_TIME", 0.99));
    }
    return ResponseDefinition.okForJson(Map.of("Entities", entities));
  }

  private static Map<String, Object> entity(String text, int from, int to, String type, double score) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("Score", score);
    e.put("Type", type);
    e.put("BeginOffset", text.codePointCount(0, from));
    e.put("EndOffset", text.codePointCount(0, to));
    return e;
  }
}

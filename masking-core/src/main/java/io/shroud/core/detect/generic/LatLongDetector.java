package io.shroud.core.detect.generic;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latitude/longitude pairs: two decimal numbers with at least three decimals (about 100 m, precise
 * enough to locate a home), in range (latitude within 90, longitude within 180), joined by a comma.
 */
public final class LatLongDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\d.-])(-?\\d{1,2}\\.\\d{3,10}),[ \\t]{0,2}(-?\\d{1,3}\\.\\d{3,10})(?![\\d.]\\d|\\d)");

  public LatLongDetector() {
    super("latitude_longitude", EntityType.LATITUDE_LONGITUDE, CANDIDATE,
        List.of("lat", "lon", "lng", "latitude", "longitude", "coordinates", "gps", "location", "geo"));
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(8).withAnyOf('.');
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    if (features.digits() < 8 || !features.has('.') || !features.has(',')) {
      return false;
    }
    String text = features.text();
    int decimals = 0;
    for (int i = text.indexOf('.'); i > 0 && i + 3 < text.length(); i = text.indexOf('.', i + 1)) {
      if (Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1))
          && Character.isDigit(text.charAt(i + 2)) && Character.isDigit(text.charAt(i + 3)) && ++decimals >= 2) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    double lat = Double.parseDouble(match.group(1));
    double lon = Double.parseDouble(match.group(2));
    return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? new Score(0.55, "coordinate pair in range") : null;
  }
}

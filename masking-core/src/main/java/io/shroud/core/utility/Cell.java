package io.shroud.core.utility;

/**
 * One value as the comparison reads it, parsed once.
 *
 * @param text the value's text, or null
 * @param number the value as a quantity ({@link CellReader#number}), or null
 * @param resolution its calendar resolution ({@link CellReader#resolution}), or null
 * @param day the first day of the period it names, or null
 */
record Cell(String text, Double number, String resolution, Integer day) {
  static final Cell NULL = new Cell(null, null, null, null);

  static Cell of(String text) {
    if (text == null) {
      return NULL;
    }
    String resolution = CellReader.resolution(text);
    return new Cell(text, CellReader.number(text), resolution,
        resolution == null ? null : CellReader.epochDay(text, resolution));
  }
}

package io.shroud.connectors.comprehend;

/**
 * One entity Comprehend found in one text, in Java string (UTF-16) indices.
 *
 * @param type Comprehend's entity type (EMAIL, NAME, SSN, ...)
 * @param score its confidence, 0..1
 * @param start first UTF-16 index in the text
 * @param end UTF-16 index after the entity
 */
public record PiiSpan(String type, float score, int start, int end) {}

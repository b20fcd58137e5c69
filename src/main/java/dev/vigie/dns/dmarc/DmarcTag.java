package dev.vigie.dns.dmarc;

/**
 * One tag as written in the record.
 *
 * @param name lower-cased tag name
 * @param value the value with surrounding whitespace removed, case kept
 * @param position 1-based column of the tag name in the record
 */
public record DmarcTag(String name, String value, int position) {}

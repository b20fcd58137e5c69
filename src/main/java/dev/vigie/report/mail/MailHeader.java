package dev.vigie.report.mail;

/** One header field, unfolded, with RFC 2047 encoded-words left as received. */
public record MailHeader(String name, String value) {}

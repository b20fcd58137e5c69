package dev.vigie.road;

import dev.vigie.enrich.SourceClass;
import org.jspecify.annotations.Nullable;

/**
 * Messages by source class. {@code unclassified} counts mail stored before classification existed
 * (or whose class was not decided).
 */
public record ClassSplit(
    long authorisedPassing,
    long authorisedFailing,
    long forwarded,
    long unknownOrImpostor,
    long unclassified) {

  public static final ClassSplit EMPTY = new ClassSplit(0, 0, 0, 0, 0);

  /** This split with {@code messages} more in the class named {@code sourceClass}. */
  public ClassSplit plus(@Nullable String sourceClass, long messages) {
    SourceClass c = parse(sourceClass);
    if (c == null) {
      return new ClassSplit(authorisedPassing, authorisedFailing, forwarded, unknownOrImpostor,
          unclassified + messages);
    }
    return switch (c) {
      case AUTHORISED_PASSING -> new ClassSplit(authorisedPassing + messages, authorisedFailing,
          forwarded, unknownOrImpostor, unclassified);
      case AUTHORISED_FAILING -> new ClassSplit(authorisedPassing, authorisedFailing + messages,
          forwarded, unknownOrImpostor, unclassified);
      case FORWARDED -> new ClassSplit(authorisedPassing, authorisedFailing, forwarded + messages,
          unknownOrImpostor, unclassified);
      case UNKNOWN_OR_IMPOSTOR -> new ClassSplit(authorisedPassing, authorisedFailing, forwarded,
          unknownOrImpostor + messages, unclassified);
    };
  }

  public long total() {
    return authorisedPassing + authorisedFailing + forwarded + unknownOrImpostor + unclassified;
  }

  /** The class named, or null for null and for names this version does not know. */
  static @Nullable SourceClass parse(@Nullable String name) {
    if (name == null) {
      return null;
    }
    try {
      return SourceClass.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

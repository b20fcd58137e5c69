package dev.vigie.enrich;

import java.io.IOException;

/** A sender catalogue file that cannot be used; the message names the file and the entry. */
public final class InvalidCatalogueException extends IOException {
  private static final long serialVersionUID = 1L;

  public InvalidCatalogueException(String message) {
    super(message);
  }
}

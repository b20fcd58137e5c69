package dev.vigie.store;

/** The store cannot be opened or used; the message says which store and what to do. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}

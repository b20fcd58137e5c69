package dev.vigie.web;

/**
 * What a route may show, declared when it is registered ({@link ScopedRouter}) and enforced by
 * {@link Guard} before its handler runs. Objects outside the caller's tenant or client are
 * answered 404 (their existence is not revealed); a caller allowed to read but not to write gets
 * 403 on a write.
 */
public sealed interface Scope {
  /** Anyone: sign-in, setup and invitation links, static files, the OpenAPI document. */
  Scope PUBLIC = new Public();
  /** A session whose password was accepted but whose second factor is pending or not enrolled. */
  Scope SIGNING_IN = new SigningIn();
  /** Any signed-in person or token, about their own account. */
  Scope ACCOUNT = new Account();
  /** MSP staff (admin, technician) and tenant-wide tokens: all the tenant's clients. */
  Scope TENANT = new Tenant();
  /** MSP admins only: users, invitations, tokens, audit log, settings. */
  Scope ADMIN = new Admin();

  /** One client organisation, named by a path parameter; viewers only their own. */
  static Scope client(String pathParam) {
    return new Client(pathParam);
  }

  /** One domain, named by a path parameter; it must belong to a client the caller may see. */
  static Scope domain(String pathParam) {
    return new Domain(pathParam);
  }

  record Public() implements Scope {}

  record SigningIn() implements Scope {}

  record Account() implements Scope {}

  record Tenant() implements Scope {}

  record Admin() implements Scope {}

  record Client(String pathParam) implements Scope {}

  record Domain(String pathParam) implements Scope {}
}

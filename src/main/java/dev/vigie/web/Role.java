package dev.vigie.web;

import org.jspecify.annotations.Nullable;

/** Who a caller is to a tenant. API tokens act with the rights given when they were created. */
public enum Role {
  MSP_ADMIN("msp_admin"),
  MSP_TECHNICIAN("msp_technician"),
  CLIENT_VIEWER("client_viewer"),
  API_TOKEN("api_token");

  private final String stored;

  Role(String stored) {
    this.stored = stored;
  }

  public String stored() {
    return stored;
  }

  public static @Nullable Role fromStored(@Nullable String s) {
    for (Role r : values()) {
      if (r.stored.equals(s)) {
        return r;
      }
    }
    return null;
  }

  /** The roles a person can be invited to. */
  public static Role[] people() {
    return new Role[] {MSP_ADMIN, MSP_TECHNICIAN, CLIENT_VIEWER};
  }
}

-- The web app (issue 5): accounts, sessions, invitations, API tokens, the audit log, notes, DNS
-- check results and per-tenant / per-client settings. Tenant id leads every tenant-owned key; the
-- secrets (session ids, setup and invitation links, API tokens) are stored as SHA-256 hashes only.
CREATE SEQUENCE web_id_seq START 1;

-- Settings live beside tenant and client_org rather than as new columns there, so the store's own
-- inserts into those tables are untouched.
CREATE TABLE tenant_setting (
  tenant_id BIGINT PRIMARY KEY,
  report_address VARCHAR,
  lang_code VARCHAR
);

CREATE TABLE client_setting (
  tenant_id BIGINT NOT NULL,
  client_id BIGINT NOT NULL,
  lang_code VARCHAR,
  PRIMARY KEY (tenant_id, client_id)
);

-- role_name: msp_admin, msp_technician, client_viewer (client_id set only for a viewer).
-- Email is unique across tenants so that signing in needs no tenant name.
CREATE TABLE app_user (
  tenant_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  email VARCHAR NOT NULL,
  display_name VARCHAR NOT NULL,
  password_hash VARCHAR NOT NULL,
  role_name VARCHAR NOT NULL,
  client_id BIGINT,
  lang_code VARCHAR,
  totp_secret VARCHAR,
  totp_last_step BIGINT,
  failed_logins INTEGER NOT NULL,
  locked_until TIMESTAMP,
  created_at TIMESTAMP NOT NULL,
  disabled_at TIMESTAMP,
  PRIMARY KEY (tenant_id, user_id)
);
CREATE UNIQUE INDEX app_user_by_email ON app_user (email);

-- stage: totp (password accepted, code expected), enrol (staff must enrol TOTP), full.
CREATE TABLE web_session (
  tenant_id BIGINT NOT NULL,
  session_hash VARCHAR NOT NULL,
  user_id BIGINT NOT NULL,
  stage VARCHAR NOT NULL,
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  last_seen_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  client_ip VARCHAR,
  user_agent VARCHAR,
  PRIMARY KEY (tenant_id, session_hash)
);

CREATE TABLE setup_token (
  tenant_id BIGINT NOT NULL,
  token_hash VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  used_at TIMESTAMP,
  PRIMARY KEY (tenant_id, token_hash)
);

CREATE TABLE invitation (
  tenant_id BIGINT NOT NULL,
  invitation_id BIGINT NOT NULL,
  token_hash VARCHAR NOT NULL,
  email VARCHAR NOT NULL,
  role_name VARCHAR NOT NULL,
  client_id BIGINT,
  invited_by BIGINT NOT NULL,
  created_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  accepted_at TIMESTAMP,
  revoked_at TIMESTAMP,
  PRIMARY KEY (tenant_id, invitation_id),
  UNIQUE (tenant_id, token_hash)
);

-- client_id set: the token sees that client only. can_write false: read-only.
CREATE TABLE api_token (
  tenant_id BIGINT NOT NULL,
  token_id BIGINT NOT NULL,
  token_hash VARCHAR NOT NULL,
  label VARCHAR NOT NULL,
  client_id BIGINT,
  can_write BOOLEAN NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TIMESTAMP NOT NULL,
  last_used_at TIMESTAMP,
  revoked_at TIMESTAMP,
  PRIMARY KEY (tenant_id, token_id),
  UNIQUE (tenant_id, token_hash)
);

CREATE TABLE audit_event (
  tenant_id BIGINT NOT NULL,
  event_id BIGINT NOT NULL,
  occurred_at TIMESTAMP NOT NULL,
  actor VARCHAR NOT NULL,
  action_name VARCHAR NOT NULL,
  target VARCHAR,
  detail VARCHAR,
  client_ip VARCHAR,
  PRIMARY KEY (tenant_id, event_id)
);

-- Sign-in attempts, before any tenant is known: rate limiting and lock-out evidence.
CREATE TABLE login_attempt (
  attempted_email VARCHAR NOT NULL,
  client_ip VARCHAR,
  succeeded BOOLEAN NOT NULL,
  attempted_at TIMESTAMP NOT NULL
);

CREATE TABLE domain_note (
  tenant_id BIGINT NOT NULL,
  note_id BIGINT NOT NULL,
  domain_name VARCHAR NOT NULL,
  author VARCHAR NOT NULL,
  body VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  PRIMARY KEY (tenant_id, note_id)
);

-- Each on-demand DNS check of a domain (dev.vigie.check.DomainChecker), as its JSON document.
CREATE TABLE domain_check (
  tenant_id BIGINT NOT NULL,
  domain_name VARCHAR NOT NULL,
  checked_at TIMESTAMP NOT NULL,
  score INTEGER NOT NULL,
  error_total INTEGER NOT NULL,
  warning_total INTEGER NOT NULL,
  result_json VARCHAR NOT NULL,
  snapshot_json VARCHAR,
  PRIMARY KEY (tenant_id, domain_name, checked_at)
);

-- What changed between two checks of a domain (dev.vigie.check.history.ChangeEvent): policy
-- weakened, SPF over its lookup limit, a DKIM key revoked, DNSSEC lost… for the timeline and
-- alerts. snapshot_json above is the compact state each check is compared on.
CREATE TABLE domain_change (
  tenant_id BIGINT NOT NULL,
  domain_name VARCHAR NOT NULL,
  changed_at TIMESTAMP NOT NULL,
  change_code VARCHAR NOT NULL,
  severity VARCHAR NOT NULL,
  summary VARCHAR NOT NULL,
  before_text VARCHAR NOT NULL,
  after_text VARCHAR NOT NULL
);

-- Onboarding: whether the DMARC record and the external-destination authorisation were found.
CREATE TABLE domain_verification (
  tenant_id BIGINT NOT NULL,
  domain_name VARCHAR NOT NULL,
  verified_at TIMESTAMP NOT NULL,
  dmarc_ok BOOLEAN NOT NULL,
  authorisation_ok BOOLEAN NOT NULL,
  detail VARCHAR,
  PRIMARY KEY (tenant_id, domain_name, verified_at)
);

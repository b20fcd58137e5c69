-- Vigie store, version 1. Every tenant-owned table leads its keys with tenant_id, so the
-- PostgreSQL schema can be distributed by tenant later. No column is named after a keyword of
-- either engine (day, count, value).
CREATE TABLE tenant (
  tenant_id BIGINT PRIMARY KEY,
  name VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL
);

CREATE TABLE client_org (
  tenant_id BIGINT NOT NULL,
  client_id BIGINT NOT NULL,
  name VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  PRIMARY KEY (tenant_id, client_id),
  UNIQUE (tenant_id, name)
);

CREATE TABLE client_domain (
  tenant_id BIGINT NOT NULL,
  domain_name VARCHAR NOT NULL,
  client_id BIGINT NOT NULL,
  added_at TIMESTAMP NOT NULL,
  PRIMARY KEY (tenant_id, domain_name)
);

-- Every byte sequence received, keyed by the SHA-256 of the original bytes, gzip-compressed
-- unless it already was (content_encoding 'gzip' or 'identity'). Committed before parsing;
-- processed_at is set in the transaction that stores its reports.
CREATE TABLE raw_message (
  tenant_id BIGINT NOT NULL,
  sha256 VARCHAR NOT NULL,
  size_bytes BIGINT NOT NULL,
  content BYTEA NOT NULL,
  content_encoding VARCHAR NOT NULL,
  source_kind VARCHAR NOT NULL,
  source_name VARCHAR NOT NULL,
  received_at TIMESTAMP NOT NULL,
  processed_at TIMESTAMP,
  PRIMARY KEY (tenant_id, sha256)
);

CREATE SEQUENCE report_seq_gen START 1;

CREATE TABLE aggregate_report (
  tenant_id BIGINT NOT NULL,
  report_seq BIGINT NOT NULL,
  org_name VARCHAR NOT NULL,
  report_id VARCHAR NOT NULL,
  policy_domain VARCHAR NOT NULL,
  client_id BIGINT,
  begin_at TIMESTAMP NOT NULL,
  end_at TIMESTAMP NOT NULL,
  policy_p VARCHAR,
  policy_sp VARCHAR,
  record_total INTEGER NOT NULL,
  message_total BIGINT NOT NULL,
  raw_sha256 VARCHAR NOT NULL,
  origin VARCHAR NOT NULL,
  warnings VARCHAR,
  stored_at TIMESTAMP NOT NULL,
  PRIMARY KEY (tenant_id, report_seq),
  UNIQUE (tenant_id, org_name, report_id, policy_domain)
);

-- One row per <record>; loaded in bulk (DuckDB Appender, PostgreSQL COPY), so no index here:
-- (tenant_id, report_seq, record_no) is unique by construction.
CREATE TABLE aggregate_record (
  tenant_id BIGINT NOT NULL,
  report_seq BIGINT NOT NULL,
  record_no INTEGER NOT NULL,
  policy_domain VARCHAR NOT NULL,
  source_ip VARCHAR NOT NULL,
  message_count BIGINT NOT NULL,
  disposition VARCHAR NOT NULL,
  dkim_eval VARCHAR NOT NULL,
  spf_eval VARCHAR NOT NULL,
  dmarc_pass BOOLEAN NOT NULL,
  header_from VARCHAR NOT NULL,
  envelope_from VARCHAR,
  envelope_to VARCHAR,
  dkim_domains VARCHAR NOT NULL,
  dkim_selectors VARCHAR NOT NULL,
  dkim_results VARCHAR NOT NULL,
  spf_domains VARCHAR NOT NULL,
  spf_results VARCHAR NOT NULL,
  interval_begin TIMESTAMP NOT NULL,
  interval_end TIMESTAMP NOT NULL
);

CREATE TABLE report_duplicate (
  tenant_id BIGINT NOT NULL,
  report_kind VARCHAR NOT NULL,
  report_key VARCHAR NOT NULL,
  raw_sha256 VARCHAR NOT NULL,
  seen_at TIMESTAMP NOT NULL,
  PRIMARY KEY (tenant_id, report_kind, report_key, raw_sha256)
);

CREATE TABLE quarantine (
  tenant_id BIGINT NOT NULL,
  raw_sha256 VARCHAR NOT NULL,
  origin VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  quarantined_at TIMESTAMP NOT NULL,
  resolved_at TIMESTAMP,
  PRIMARY KEY (tenant_id, raw_sha256, origin)
);

CREATE TABLE failure_report (
  tenant_id BIGINT NOT NULL,
  report_seq BIGINT NOT NULL,
  report_key VARCHAR NOT NULL,
  reported_domain VARCHAR,
  client_id BIGINT,
  source_ip VARCHAR,
  arrival_at TIMESTAMP,
  feedback_type VARCHAR,
  raw_sha256 VARCHAR NOT NULL,
  origin VARCHAR NOT NULL,
  stored_at TIMESTAMP NOT NULL,
  PRIMARY KEY (tenant_id, report_seq),
  UNIQUE (tenant_id, report_key)
);

CREATE TABLE tls_report (
  tenant_id BIGINT NOT NULL,
  report_seq BIGINT NOT NULL,
  org_name VARCHAR NOT NULL,
  report_id VARCHAR NOT NULL,
  policy_domain VARCHAR,
  client_id BIGINT,
  begin_at TIMESTAMP NOT NULL,
  end_at TIMESTAMP NOT NULL,
  success_total BIGINT NOT NULL,
  failure_total BIGINT NOT NULL,
  raw_sha256 VARCHAR NOT NULL,
  origin VARCHAR NOT NULL,
  stored_at TIMESTAMP NOT NULL,
  PRIMARY KEY (tenant_id, report_seq),
  UNIQUE (tenant_id, org_name, report_id)
);

-- Daily totals per domain × source × result, written in the same transaction as the records they
-- summarise: each stored batch appends its deltas (already summed per key), and readers sum them.
-- Append-only, so ingestion never updates an index in place (costly in DuckDB, contended in
-- PostgreSQL with several writers).
CREATE TABLE daily_rollup (
  tenant_id BIGINT NOT NULL,
  domain_name VARCHAR NOT NULL,
  rollup_date DATE NOT NULL,
  source_ip VARCHAR NOT NULL,
  disposition VARCHAR NOT NULL,
  dkim_eval VARCHAR NOT NULL,
  spf_eval VARCHAR NOT NULL,
  message_total BIGINT NOT NULL
);

CREATE INDEX daily_rollup_by_domain ON daily_rollup (tenant_id, domain_name, rollup_date);

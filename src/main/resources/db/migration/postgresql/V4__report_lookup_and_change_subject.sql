-- The duplicate check of each ingest batch looks reports up by report_id (ReportSql.existingAggregates);
-- the unique key starts with org_name, so without this PostgreSQL scanned aggregate_report once per
-- batch: 4.1 s of a 10 s ingest of 20,000 reports. DuckDB scans the column fast enough without one.
CREATE INDEX aggregate_report_by_report_id ON aggregate_report (tenant_id, report_id);

-- What a DNS change is about when its code does not say (the DKIM selector, a new error's code),
-- so the web app can word it in the reader's language; null in rows from before.
ALTER TABLE domain_change ADD COLUMN subject VARCHAR(255);

-- PostgreSQL's V4 also indexes aggregate_report by report_id for the ingest's duplicate check;
-- DuckDB scans that column fast enough without an index (which would slow every load).

-- What a DNS change is about when its code does not say (the DKIM selector, a new error's code),
-- so the web app can word it in the reader's language; null in rows from before.
ALTER TABLE domain_change ADD COLUMN subject VARCHAR;

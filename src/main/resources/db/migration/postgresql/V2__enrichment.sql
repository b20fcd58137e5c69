-- Enrichment kept with the data (issue 3 §5): each aggregate record carries the sending service
-- it was matched to (an id of src/main/resources/dev/vigie/enrich/senders.json), its
-- classification (dev.vigie.enrich.SourceClass and the ClassificationRule that decided it), and
-- what the network knows of its IP when that was looked up. The daily rollups carry the service
-- and class too, so dashboards group sources by service without reading the records.
ALTER TABLE aggregate_record ADD COLUMN sender_id VARCHAR;
ALTER TABLE aggregate_record ADD COLUMN source_class VARCHAR;
ALTER TABLE aggregate_record ADD COLUMN class_rule VARCHAR;
ALTER TABLE aggregate_record ADD COLUMN reverse_dns VARCHAR;
ALTER TABLE aggregate_record ADD COLUMN country VARCHAR;
ALTER TABLE aggregate_record ADD COLUMN asn BIGINT;
ALTER TABLE daily_rollup ADD COLUMN sender_id VARCHAR;
ALTER TABLE daily_rollup ADD COLUMN source_class VARCHAR;

-- The processed mark moves out of raw_message into an append-only table: ingestion appends one
-- row per message in the transaction that stores its reports, instead of updating the archive
-- row in place (an UPDATE per message cost more than storing its records on DuckDB).
-- raw_message.processed_at is no longer written.
CREATE TABLE raw_processed (
  tenant_id BIGINT NOT NULL,
  sha256 VARCHAR NOT NULL,
  processed_at TIMESTAMP NOT NULL,
  PRIMARY KEY (tenant_id, sha256)
);
INSERT INTO raw_processed (tenant_id, sha256, processed_at)
  SELECT tenant_id, sha256, processed_at FROM raw_message WHERE processed_at IS NOT NULL;

-- Rollups are summed from the records a batch just stored (by report_seq); a BRIN index finds
-- them without a btree's cost on every COPY (report_seq grows with time).
CREATE INDEX aggregate_record_by_report ON aggregate_record USING brin (tenant_id, report_seq);

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

-- DuckDB answers the dashboards' rollup queries with a sequential scan and its zone maps
-- (EXPLAIN shows SEQ_SCAN with or without this index), while every ingested batch paid for
-- updating the index (an ART over ~one key per record). PostgreSQL keeps its B-tree, which it uses.
DROP INDEX daily_rollup_by_domain;

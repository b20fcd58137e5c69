-- Nothing for PostgreSQL: DuckDB's V5 drops an index DuckDB never used; PostgreSQL's
-- daily_rollup_by_domain serves the dashboards. (Both engines keep the same version numbers.)
SELECT 1;

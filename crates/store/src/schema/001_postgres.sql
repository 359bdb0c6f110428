-- Full-text search over article titles and bodies: a generated tsvector
-- with the 'simple' configuration (no stemming, like SQLite's unicode61).
-- PostgreSQL caps a tsvector at 1 MB, so only the first 500,000 characters
-- of a body are indexed.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', coalesce(title, '') || ' ' || left(body, 500000))
) STORED;
CREATE INDEX articles_search ON articles USING gin (search);

-- The haversine distance the resolver uses (crates/resolve, distance_km).
CREATE FUNCTION dl_distance_km(lat1 double precision, lon1 double precision,
                               lat2 double precision, lon2 double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 2.0 * 6371.0088 * asin(least(1.0, sqrt(
        sin(radians(lat2 - lat1) / 2.0) ^ 2
        + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2.0) ^ 2
    )))
$$;

-- Per-period sums of each country key (`c:RUS`), so a country's timeline
-- by week or month reads one row per period, root code and QuadClass
-- instead of one per event. `period` is `m2025-04` (a calendar month) or
-- `w2025-04-14` (the Monday of an ISO week). Kept by every ingest batch, which takes the
-- old rows of the events it recounts away and adds their new ones in two
-- aggregate statements (`src/rollup.rs`); filled from `event_actors` when
-- an older store is upgraded.
CREATE TABLE actor_periods (
    actor_key TEXT NOT NULL,
    period TEXT NOT NULL,
    root_code TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    events INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    goldstein_n INTEGER NOT NULL,
    PRIMARY KEY (actor_key, period, root_code, quad_class)
) WITHOUT ROWID;

-- Articles: one row per article (by id, URL or content), holding its
-- current revision. Older revisions move to article_revisions.
CREATE TABLE articles (
    id {id},
    doc_id TEXT NOT NULL UNIQUE,
    url TEXT,
    url_key TEXT UNIQUE,
    content_hash TEXT NOT NULL,
    revision {int} NOT NULL,
    title TEXT,
    date TEXT,
    datetime TEXT,
    place TEXT,
    publisher TEXT,
    outlet TEXT NOT NULL,
    author TEXT,
    language TEXT,
    input TEXT NOT NULL,
    meta_json TEXT NOT NULL,
    body TEXT NOT NULL,
    first_ingested TEXT NOT NULL,
    last_ingested TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE article_revisions (
    article_id {int} NOT NULL REFERENCES articles (id),
    revision {int} NOT NULL,
    content_hash TEXT NOT NULL,
    title TEXT,
    date TEXT,
    datetime TEXT,
    body TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
);
CREATE INDEX article_revisions_content_hash ON article_revisions (content_hash);

-- Body sentences of the current revision, as byte spans of the body.
CREATE TABLE sentences (
    article_id {int} NOT NULL REFERENCES articles (id),
    idx {int} NOT NULL,
    span_start {int} NOT NULL,
    span_end {int} NOT NULL,
    PRIMARY KEY (article_id, idx)
);

-- Actor, place and unknown-name mentions of the current revision.
CREATE TABLE mentions (
    article_id {int} NOT NULL REFERENCES articles (id),
    idx {int} NOT NULL,
    sentence_idx {int},
    span_start {int} NOT NULL,
    span_end {int} NOT NULL,
    actor_code TEXT,
    actor_name TEXT,
    actor_country TEXT,
    actor_kind TEXT,
    place_name TEXT,
    place_country TEXT,
    geonameid {int},
    lat {real},
    lon {real},
    unknown TEXT,
    resolved_by TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);

-- Merged events: the most specific reading of every field over their
-- reports, and GDELT-style counts.
CREATE TABLE events (
    id {id},
    event_key TEXT NOT NULL UNIQUE,
    date TEXT,
    anchor_article TEXT,
    code TEXT NOT NULL,
    base_code TEXT NOT NULL,
    root_code TEXT NOT NULL,
    quad_class {int},
    goldstein {real},
    source_code TEXT NOT NULL,
    source_head TEXT NOT NULL,
    source_name TEXT,
    source_country TEXT,
    target_code TEXT,
    target_name TEXT,
    target_country TEXT,
    negated {int} NOT NULL,
    modality TEXT NOT NULL,
    place_name TEXT,
    place_country TEXT,
    place_adm1 TEXT,
    place_kind TEXT,
    place_basis TEXT,
    geonameid {int},
    lat {real},
    lon {real},
    num_mentions {int} NOT NULL,
    num_sources {int} NOT NULL,
    num_articles {int} NOT NULL,
    first_seen TEXT,
    last_seen TEXT
);
CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_candidates ON events (root_code, source_head, date);
CREATE INDEX events_undated ON events (anchor_article);
CREATE INDEX events_code ON events (code, date);
CREATE INDEX events_base_code ON events (base_code, date);
CREATE INDEX events_root_code ON events (root_code, date);
CREATE INDEX events_quad_class ON events (quad_class, date);
CREATE INDEX events_place_country ON events (place_country, date);
CREATE INDEX events_position ON events (lat, lon);

-- Reports: every coded event and every reference back to one, with its
-- evidence spans into the article's body.
CREATE TABLE reports (
    id {id},
    report_key TEXT NOT NULL,
    event_id {int} NOT NULL REFERENCES events (id),
    article_id {int} NOT NULL REFERENCES articles (id),
    kind TEXT NOT NULL,
    date TEXT,
    outlet TEXT NOT NULL,
    sentence_idx {int},
    sentence_start {int} NOT NULL,
    sentence_end {int} NOT NULL,
    trigger_start {int} NOT NULL,
    trigger_end {int} NOT NULL,
    code TEXT NOT NULL,
    source_code TEXT NOT NULL,
    source_name TEXT,
    source_country TEXT,
    source_start {int},
    source_end {int},
    target_code TEXT,
    target_name TEXT,
    target_country TEXT,
    target_start {int},
    target_end {int},
    negated {int} NOT NULL,
    modality TEXT NOT NULL,
    place_name TEXT,
    place_country TEXT,
    place_adm1 TEXT,
    place_kind TEXT,
    place_basis TEXT,
    geonameid {int},
    lat {real},
    lon {real},
    attribution_text TEXT,
    attribution_code TEXT,
    rule TEXT NOT NULL,
    issues TEXT
);
CREATE UNIQUE INDEX reports_key ON reports (article_id, report_key);
CREATE INDEX reports_event ON reports (event_id, id);

-- Actor keys of each event for --actor/--source/--target: every code
-- prefix at a segment boundary ("c:USA", "c:USAGOV") and every name
-- ("n:donald trump"); roles 1 = source, 2 = target, 3 = both.
CREATE TABLE event_actors (
    actor_key TEXT NOT NULL,
    event_id {int} NOT NULL REFERENCES events (id),
    date TEXT,
    roles {int} NOT NULL,
    PRIMARY KEY (actor_key, event_id)
);
CREATE INDEX event_actors_by_date ON event_actors (actor_key, date, event_id);
CREATE INDEX event_actors_event ON event_actors (event_id);

-- Distinct actor names, to find name keys for a part of a name.
CREATE TABLE actor_names (
    name_key TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

-- Store-wide values: `max_window_days`, the widest merge window any
-- ingest used (an event is reported at most that many days after its date).
CREATE TABLE store_settings (
    name TEXT PRIMARY KEY,
    value {int} NOT NULL
);

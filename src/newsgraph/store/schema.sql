-- newsgraph store schema (DuckDB). Documented in STORE.md beside this file.
-- Ids: article_id, entity_id, event_id and quote_id are store-wide integers handed out by the single
-- writer; local_id columns keep the record's own ids (e1, ev1, q1) so every row leads back to its
-- record. Dates are DATE where they are days, VARCHAR where they are TIMEX3 values of any precision.
-- No PRIMARY KEY / UNIQUE constraints: DuckDB keeps an ART index per constraint that makes bulk
-- appends slow and memory-hungry; the writer guarantees uniqueness (one writer, per-batch transaction).

CREATE TABLE IF NOT EXISTS store_meta (
    key VARCHAR,
    value VARCHAR
);

-- one row per stored article version (a replaced version is deleted)
CREATE TABLE IF NOT EXISTS articles (
    article_id BIGINT,
    article_key VARCHAR,        -- 'url:<url>' or 'sha256:<content hash>': identity across re-ingests
    content_hash VARCHAR,       -- sha256 of the text (hex): a changed text under the same key replaces
    record_id VARCHAR,          -- Record.id
    url VARCHAR,
    title VARCHAR,
    source VARCHAR,
    language VARCHAR,
    published DATE,
    reference_date VARCHAR,
    reference_source VARCHAR,
    schema_version VARCHAR,
    text VARCHAR,
    record_json VARCHAR,        -- the full record as JSON without "text" (text is the column above)
    batch_id BIGINT,
    ingested_at TIMESTAMP
);

-- the one index: an article by id (GET /api/documents/{id} reads its text and record here; 2.5 -> 1.1 ms
-- on 100,000 articles, which fill a single row group, so zone maps cannot skip anything). The pages'
-- other lookups are answered by the read model in the SQLite file beside the store (readmodel.py).
CREATE INDEX IF NOT EXISTS articles_by_id ON articles (article_id);

-- global entities (merged across articles)
CREATE TABLE IF NOT EXISTS entities (
    entity_id BIGINT,
    type VARCHAR,               -- PER, ORG, LOC, MISC
    name VARCHAR,               -- canonical name as first seen
    name_key VARCHAR,           -- transliteration key of name: the merge key (with type)
    kb_id VARCHAR,              -- knowledge-base id when any source linked one
    n_articles INTEGER          -- how many stored articles mention it (kept current by the writer)
);

-- every name an entity is known by: canonical names (kind 'name', used for merging) and mention
-- texts (kind 'mention', used only to find entities in queries: a surname alone must not merge two people)
CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id BIGINT,
    type VARCHAR,
    alias VARCHAR,
    alias_key VARCHAR,
    kind VARCHAR
);

-- an article's entity (Record.entities) and the global entity it was merged into
CREATE TABLE IF NOT EXISTS article_entities (
    article_id BIGINT,
    local_id VARCHAR,
    entity_id BIGINT,
    type VARCHAR,
    name VARCHAR,
    kb_id VARCHAR,
    roles_json VARCHAR          -- [{"title", "start", "end"}]
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id BIGINT,
    local_id VARCHAR,           -- the article entity
    entity_id BIGINT,
    "start" INTEGER,
    "end" INTEGER,
    text VARCHAR
);

-- global events: the merged view over their sources
CREATE TABLE IF NOT EXISTS events (
    event_id BIGINT,
    type VARCHAR,               -- most frequent source type
    merge_group VARCHAR,        -- merge_rules.toml group (meet, call, agreement, statement, ...)
    status VARCHAR,             -- as of the latest source with a known status
    date_value VARCHAR,         -- TIMEX3 value: the most precise, then most frequent, source date
    date_precision VARCHAR,     -- day, week, month, quarter, season, year (NULL: undated)
    date_start DATE,            -- first and last day date_value covers
    date_end DATE,
    window_start DATE,          -- merge window (date widened by its tolerance, or undated window)
    window_end DATE,
    place_entity_id BIGINT,
    participant_ids BIGINT[],   -- the same as event_participants, kept here so that listing events needs no join
    first_reported DATE,
    last_reported DATE,
    n_sources INTEGER,
    n_conflicts INTEGER,
    confidence DOUBLE,
    plover VARCHAR,
    cameo VARCHAR
);

CREATE TABLE IF NOT EXISTS event_participants (
    event_id BIGINT,
    entity_id BIGINT
);

-- one article's account of a global event: its own type, status, date and place (the status history
-- is these rows ordered by published)
CREATE TABLE IF NOT EXISTS event_sources (
    event_id BIGINT,
    article_id BIGINT,
    local_id VARCHAR,
    type VARCHAR,
    status VARCHAR,
    date_value VARCHAR,
    time_text VARCHAR,
    time_start INTEGER,
    time_end INTEGER,
    place_entity_id BIGINT,
    participants BIGINT[],
    published DATE,
    confidence DOUBLE,
    plover VARCHAR,
    cameo VARCHAR,
    evidence_json VARCHAR,      -- [{"start", "end", "text"}]
    merge_reason VARCHAR,       -- why this account joined its event (or started it): merge.best_match
    anchor_date DATE            -- article without publication date: the day its undated window hangs on
);
-- stores made before merge_reason / anchor_date: add the columns (NULL for their accounts)
ALTER TABLE event_sources ADD COLUMN IF NOT EXISTS merge_reason VARCHAR;
ALTER TABLE event_sources ADD COLUMN IF NOT EXISTS anchor_date DATE;

-- disagreements between the sources of an event: one row per field and value, with who said it
CREATE TABLE IF NOT EXISTS conflicts (
    event_id BIGINT,
    field VARCHAR,              -- date, place (value = entity_id), status
    value VARCHAR,
    article_ids BIGINT[]
);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id BIGINT,
    article_id BIGINT,
    local_id VARCHAR,
    kind VARCHAR,
    "start" INTEGER,
    "end" INTEGER,
    text VARCHAR,
    speaker_entity_id BIGINT,
    speaker_text VARCHAR,
    cue_text VARCHAR,
    via_entity_id BIGINT,
    event_id BIGINT,            -- the global event the quote was said at or about
    published DATE
);

CREATE TABLE IF NOT EXISTS times (
    article_id BIGINT,
    "start" INTEGER,
    "end" INTEGER,
    text VARCHAR,
    type VARCHAR,
    value VARCHAR,
    inside_quote BOOLEAN
);

-- one row per committed batch: what it did (a batch killed before its commit leaves no row)
CREATE TABLE IF NOT EXISTS ingest_log (
    batch_id BIGINT,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    source VARCHAR,
    n_records INTEGER,
    n_added INTEGER,
    n_replaced INTEGER,
    n_unchanged INTEGER,
    n_duplicates INTEGER
);

-- what could not be stored, and warnings about what was: one row per input (file, file:line, 'api' or a
-- record id) and problem, as of that input's latest ingest. An ingest that stores the input (or finds it
-- stored) deletes its rows; one that fails on it again replaces them, so a rerun neither stops at a bad
-- article nor forgets it. Written by the store itself (stage 'store') and by `newsgraph ingest` for
-- inputs that never became records (stages 'read' and 'extract').
CREATE TABLE IF NOT EXISTS errors (
    input VARCHAR,
    article_key VARCHAR,        -- 'url:...' / 'sha256:...' when the article got that far, else NULL
    record_id VARCHAR,
    stage VARCHAR,              -- read, extract, store
    kind VARCHAR,               -- what went wrong: an ingest problem kind (binary, undecodable, ...) or an exception type
    severity VARCHAR,           -- error (not stored) or warning (stored, with the problem noted)
    message VARCHAR,
    recorded_at TIMESTAMP
);

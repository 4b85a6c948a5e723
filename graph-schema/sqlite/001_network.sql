-- relaymap network, embedded store (SQLite). The model is defined in graph-schema/README.md;
-- this file only stores it. Applied once, in a transaction, when PRAGMA user_version < 1.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;

-- The change version: moves on every committed write, so an analysis snapshot knows it is stale.
INSERT INTO meta (key, value) VALUES ('version', 0);

CREATE TABLE actors (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('migrant', 'organisation', 'responder', 'city')),
    name       TEXT NOT NULL CHECK (length(name) > 0),
    languages  TEXT NOT NULL DEFAULT '[]',  -- JSON array of ISO 639-3 codes, first language first
    lat        REAL CHECK (lat BETWEEN -90 AND 90),
    lon        REAL CHECK (lon BETWEEN -180 AND 180),
    city       TEXT REFERENCES actors (id) DEFERRABLE INITIALLY DEFERRED,
    channels   TEXT NOT NULL DEFAULT '[]',  -- JSON array of channel names
    consent    INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
    attributes TEXT NOT NULL DEFAULT '{}',  -- JSON object
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((lat IS NULL) = (lon IS NULL)),
    CHECK (city IS NULL OR city <> id)
) STRICT;

CREATE INDEX actors_kind ON actors (kind);
CREATE INDEX actors_city ON actors (city);
CREATE INDEX actors_lat_lon ON actors (lat, lon);

CREATE TABLE ties (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    target        TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    kind          TEXT NOT NULL
                  CHECK (kind IN ('knows', 'member_of', 'partners_with', 'serves', 'located_in')),
    trust         REAL NOT NULL CHECK (trust > 0 AND trust <= 1),
    channels      TEXT NOT NULL DEFAULT '[]',
    last_verified TEXT,                     -- YYYY-MM-DD
    note          TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (source <> target)
) STRICT;

CREATE INDEX ties_source ON ties (source);
CREATE INDEX ties_target ON ties (target);
CREATE INDEX ties_kind ON ties (kind);

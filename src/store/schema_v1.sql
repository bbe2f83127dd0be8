-- Schema 1: the whole mission's data, so later features extend rather than rewrite.
-- Enumerations are stored as stable ASCII codes (see src/model), checked here too.
-- Dates are 'YYYY-MM-DD', times 'HH:MM', instants ISO 8601 with offset.

CREATE TABLE event (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    venue       TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    organisers  TEXT NOT NULL DEFAULT '',
    timezone    TEXT NOT NULL DEFAULT 'Europe/Paris',
    CHECK (end_date >= start_date)
);

-- Column groups of the grid (Conférence plénière, Centrifugeuses, Formation, Ateliers).
CREATE TABLE tracks (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    position  INTEGER NOT NULL
);

CREATE TABLE rooms (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    capacity        INTEGER NOT NULL CHECK (capacity >= 0),
    kind            TEXT NOT NULL CHECK (kind IN ('pleniere', 'centrifugeuse', 'formation', 'atelier', 'autre')),
    notes           TEXT NOT NULL DEFAULT '',
    interpretation  INTEGER NOT NULL DEFAULT 0,
    layout          TEXT NOT NULL DEFAULT 'theatre' CHECK (layout IN ('theatre', 'tables', 'classe', 'autre')),
    track_id        INTEGER REFERENCES tracks(id) ON DELETE SET NULL,
    position        INTEGER NOT NULL
);

CREATE TABLE slots (
    id     INTEGER PRIMARY KEY,
    date   TEXT NOT NULL,
    start  TEXT NOT NULL,
    end    TEXT,
    kind   TEXT NOT NULL CHECK (kind IN ('session', 'pause', 'dejeuner', 'soiree')),
    label  TEXT NOT NULL DEFAULT '',
    CHECK (end IS NULL OR end > start)
);
CREATE INDEX slots_by_time ON slots(date, start);

-- One row per spreadsheet imported (submissions, registrations, workbooks sent back).
CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    list         TEXT NOT NULL CHECK (list IN ('submissions', 'registrations', 'workbook')),
    file_name    TEXT NOT NULL,
    file_sha256  TEXT NOT NULL DEFAULT '',
    imported_at  TEXT NOT NULL,
    report       TEXT NOT NULL DEFAULT '{}'
);

-- Column mappings the organisers confirmed, reused for a file with the same headers.
CREATE TABLE column_mappings (
    headers_key  TEXT PRIMARY KEY,
    list         TEXT NOT NULL,
    mapping      TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- Value mappings (e.g. "Collectivité territoriale" -> public) the organisers corrected.
CREATE TABLE value_mappings (
    field   TEXT NOT NULL,
    source  TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (field, source)
);

CREATE TABLE people (
    id             INTEGER PRIMARY KEY,
    first_name     TEXT NOT NULL DEFAULT '',
    last_name      TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    organisation   TEXT NOT NULL DEFAULT '',
    actor_type     TEXT NOT NULL DEFAULT 'autre' CHECK (actor_type IN ('public', 'entreprise', 'association', 'recherche', 'autre')),
    country        TEXT NOT NULL DEFAULT '',
    -- Registered as a participant (from the registrations list), as opposed to known
    -- only as a speaker, moderator or member of staff.
    registered     INTEGER NOT NULL DEFAULT 0,
    -- Role printed on the badge when it is not implied by the programme.
    badge_role     TEXT CHECK (badge_role IN ('intervenant', 'animateur', 'organisation', 'participant', 'presse')),
    wishes         TEXT NOT NULL DEFAULT '',
    accessibility  TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    external_id    TEXT,
    import_id      INTEGER REFERENCES imports(id) ON DELETE SET NULL
);
CREATE INDEX people_by_email ON people(lower(email));

CREATE TABLE submissions (
    id            INTEGER PRIMARY KEY,
    external_id   TEXT UNIQUE,
    contact_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
    format        TEXT NOT NULL DEFAULT 'inconnu' CHECK (format IN ('recherche', 'retour_experience', 'pitch', 'centrifugeuse', 'inconnu')),
    axes          TEXT NOT NULL DEFAULT '',
    actor_type    TEXT NOT NULL DEFAULT 'autre' CHECK (actor_type IN ('public', 'entreprise', 'association', 'recherche', 'autre')),
    title         TEXT NOT NULL DEFAULT '',
    summary       TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    co_speakers   TEXT NOT NULL DEFAULT '',
    submitted_at  TEXT,
    status        TEXT NOT NULL DEFAULT 'nouvelle' CHECK (status IN ('nouvelle', 'retenue', 'liste_attente', 'refusee')),
    -- Fields corrected by hand ({"field": value}); they win over later imports.
    overrides     TEXT NOT NULL DEFAULT '{}',
    -- The row as it was read, verbatim, and the problems found in it.
    raw           TEXT NOT NULL DEFAULT '{}',
    flags         TEXT NOT NULL DEFAULT '[]',
    duplicate_of  INTEGER REFERENCES submissions(id) ON DELETE SET NULL,
    import_id     INTEGER REFERENCES imports(id) ON DELETE SET NULL
);

-- Each reviewer's score and note on a submission.
CREATE TABLE reviews (
    submission_id  INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    reviewer       TEXT NOT NULL,
    score          INTEGER,
    note           TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (submission_id, reviewer)
);

CREATE TABLE submission_tags (
    submission_id  INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    tag            TEXT NOT NULL,
    PRIMARY KEY (submission_id, tag)
);

-- Who presents a submission, in order (the contact first, then co-speakers).
CREATE TABLE submission_speakers (
    submission_id  INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    person_id      INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    PRIMARY KEY (submission_id, person_id)
);

-- AUTOINCREMENT: a session's number is never given to another one, so that undo, redo
-- and version comparisons always speak of the same session.
CREATE TABLE sessions (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    title              TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('pleniere', 'table_ronde', 'atelier', 'centrifugeuse', 'formation', 'autre')),
    language           TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    expected_audience  INTEGER CHECK (expected_audience IS NULL OR expected_audience >= 0),
    description        TEXT NOT NULL DEFAULT '',
    track_id           INTEGER REFERENCES tracks(id) ON DELETE SET NULL
);

CREATE TABLE session_contributions (
    session_id     INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    submission_id  INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    qa_minutes     INTEGER NOT NULL DEFAULT 0 CHECK (qa_minutes >= 0),
    -- For centrifugeuses: the table hosting this project.
    table_number   INTEGER,
    PRIMARY KEY (session_id, submission_id)
);

-- People in a session without (or beyond) a submission: panellists, moderators, animateurs.
CREATE TABLE session_people (
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('intervenant', 'moderateur', 'animateur')),
    position    INTEGER NOT NULL,
    PRIMARY KEY (session_id, person_id, role)
);

-- Where a session happens. Not unique per cell: imports and old versions may clash,
-- and the warnings report it.
CREATE TABLE placements (
    session_id  INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    room_id     INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    slot_id     INTEGER NOT NULL REFERENCES slots(id) ON DELETE CASCADE
);
CREATE INDEX placements_by_cell ON placements(room_id, slot_id);

-- Centrifugeuse seating: table n, seat k, who sits there.
CREATE TABLE table_seats (
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    table_number  INTEGER NOT NULL,
    seat          INTEGER NOT NULL,
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role          TEXT NOT NULL CHECK (role IN ('porteur', 'pair', 'animateur')),
    pinned        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, table_number, seat)
);

-- Undo/redo of programme edits: each entry holds what restores the state before and after.
CREATE TABLE journal (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    label   TEXT NOT NULL,
    undo    TEXT NOT NULL,
    redo    TEXT NOT NULL,
    undone  INTEGER NOT NULL DEFAULT 0
);

-- Named versions of the programme ("envoyé au CESE le 12 mars").
CREATE TABLE versions (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    snapshot    TEXT NOT NULL
);

-- Project-level preferences (badge layout, logo, print options...).
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- The event's logo, printed on badges: one image, scaled down and kept as PNG so that the
-- project file carries it wherever it goes.
CREATE TABLE event_logo (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    file_name TEXT NOT NULL,
    png BLOB NOT NULL
);

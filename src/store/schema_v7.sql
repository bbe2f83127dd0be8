-- Schema 7: a session pinned by the organisers stays in its cell: « Proposer un
-- programme » never moves it.
ALTER TABLE sessions ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));

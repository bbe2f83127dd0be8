-- Schema 6: a person's fields corrected by hand (a flagged email fixed in the review),
-- as a JSON array of column names. A later import leaves them as corrected.
ALTER TABLE people ADD COLUMN corrected TEXT NOT NULL DEFAULT '[]';

-- Centrifugeuse seating: the table kept for people with accessibility needs (step-free
-- access, room for a wheelchair), 1 unless the organisers choose another.
ALTER TABLE sessions ADD COLUMN accessible_table INTEGER NOT NULL DEFAULT 1 CHECK (accessible_table >= 1);

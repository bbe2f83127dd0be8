-- The organisers' own notes on a submission (one text, as the Contributions workbook
-- carries it to co-organisers and back).
ALTER TABLE submissions ADD COLUMN notes TEXT NOT NULL DEFAULT '';

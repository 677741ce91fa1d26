-- Full-text search over a note's title and body. The 'simple' configuration lower-cases words and
-- nothing more (no stemming, no stop words), so it works alike for every language. The column is
-- generated, so the notes already stored become searchable by this migration itself, and every
-- later insert or update keeps it current.
ALTER TABLE notes ADD COLUMN search tsvector
    GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A')
                         || setweight(to_tsvector('simple', body), 'B')) STORED;

-- fastupdate off: each note write updates the index at once instead of queueing entries in a
-- pending list, which searches would have to scan (and the planner prices) until a vacuum.
CREATE INDEX notes_search_idx ON notes USING gin (search) WITH (fastupdate = off);

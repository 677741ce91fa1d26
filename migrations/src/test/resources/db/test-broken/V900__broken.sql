-- A migration that fails half way: the table it creates first must not survive.
CREATE TABLE half_done (id int PRIMARY KEY);
ALTER TABLE notes ADD COLUMN pinned boolean NOT NULL DEFAULT false;
SELECT no_such_function();

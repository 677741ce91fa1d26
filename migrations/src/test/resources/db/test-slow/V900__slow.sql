-- A migration that takes longer than the function may run.
SELECT pg_sleep(8);

-- Full-text search over article titles and bodies: a contentless FTS5
-- index (the text stays in `articles`) kept in step by triggers. Its rowid
-- is the article's day (days since 1970, or far in the past when undated)
-- in the high 32 bits and the article id in the low 32, so walking a
-- term's matches by descending rowid visits the newest articles first.
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_fts (rowid, title, body) VALUES (
        (coalesce(CAST(julianday(new.date) - 2440587.5 AS INTEGER), -1000000) << 32) | new.id,
        new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_fts WHERE rowid =
        (coalesce(CAST(julianday(old.date) - 2440587.5 AS INTEGER), -1000000) << 32) | old.id;
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, date ON articles BEGIN
    DELETE FROM article_fts WHERE rowid =
        (coalesce(CAST(julianday(old.date) - 2440587.5 AS INTEGER), -1000000) << 32) | old.id;
    INSERT INTO article_fts (rowid, title, body) VALUES (
        (coalesce(CAST(julianday(new.date) - 2440587.5 AS INTEGER), -1000000) << 32) | new.id,
        new.title, new.body);
END;
-- Document counts per term, to choose how to run a text query.
CREATE VIRTUAL TABLE article_fts_vocab USING fts5vocab(article_fts, 'row');
-- dl_distance_km is registered by the connection (backend/sqlite.rs).

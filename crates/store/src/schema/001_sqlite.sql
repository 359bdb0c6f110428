-- Full-text search over article titles and bodies, kept in step with
-- `articles` by triggers (an external-content FTS5 table).
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO article_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
-- dl_distance_km is registered by the connection (backend/sqlite.rs).

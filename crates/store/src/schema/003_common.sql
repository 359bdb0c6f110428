-- Timelines and filtered pages answered from the walked index alone.
--
-- The event's QuadClass and CAMEO root code beside each actor key, and the
-- same with its Goldstein score and mention count beside each dyad
-- (rewritten with the keys whenever the event is recounted), so an actor's
-- or a dyad's timeline split by QuadClass, and a `quad` or root `code`
-- filter on either, read one index range and no `events` row.
ALTER TABLE event_actors ADD COLUMN quad_class {int};
ALTER TABLE event_actors ADD COLUMN root_code TEXT;
UPDATE event_actors SET quad_class = e.quad_class, root_code = e.root_code
FROM events e WHERE e.id = event_actors.event_id;
DROP INDEX event_actors_by_date;
CREATE INDEX event_actors_by_date ON event_actors
    (actor_key, date, event_id, roles, goldstein, num_mentions, quad_class, root_code);

ALTER TABLE event_dyads ADD COLUMN goldstein {real};
ALTER TABLE event_dyads ADD COLUMN num_mentions {int} NOT NULL DEFAULT 0;
ALTER TABLE event_dyads ADD COLUMN quad_class {int};
ALTER TABLE event_dyads ADD COLUMN root_code TEXT;
UPDATE event_dyads SET goldstein = e.goldstein, num_mentions = e.num_mentions,
    quad_class = e.quad_class, root_code = e.root_code
FROM events e WHERE e.id = event_dyads.event_id;
DROP INDEX event_dyads_by_date;
CREATE INDEX event_dyads_by_date ON event_dyads
    (source_key, target_key, date, event_id, goldstein, num_mentions, quad_class, root_code);

-- A timeline of dates alone (`from`/`to`) sums this index's range.
DROP INDEX events_date;
CREATE INDEX events_date ON events (date, id, quad_class, goldstein, num_mentions);

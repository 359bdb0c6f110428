-- Dyads and timelines answered from indexes alone.
--
-- `event_dyads`: every (source key, target key) pair of an event's code
-- keys (`c:USA` x `c:CHN`, `c:USAGOV` x `c:CHN`, ...), so `--source USA
-- --target CHN` walks its pair newest first instead of probing every event
-- of one side. Name keys are left out: a name filter may match many keys.
CREATE TABLE event_dyads (
    source_key TEXT NOT NULL,
    target_key TEXT NOT NULL,
    event_id {int} NOT NULL REFERENCES events (id),
    date TEXT,
    PRIMARY KEY (source_key, target_key, event_id)
);
CREATE INDEX event_dyads_by_date ON event_dyads (source_key, target_key, date, event_id);
CREATE INDEX event_dyads_event ON event_dyads (event_id);
INSERT INTO event_dyads (source_key, target_key, event_id, date)
SELECT s.actor_key, t.actor_key, s.event_id, s.date
FROM event_actors s JOIN event_actors t ON t.event_id = s.event_id
WHERE (s.roles & 1) <> 0 AND (t.roles & 2) <> 0
  AND s.actor_key LIKE 'c:%' AND t.actor_key LIKE 'c:%';

-- The event's Goldstein score and mention count beside each actor key
-- (rewritten with the keys whenever the event is recounted), so an actor's
-- timeline sums one index range without reading the events.
ALTER TABLE event_actors ADD COLUMN goldstein {real};
ALTER TABLE event_actors ADD COLUMN num_mentions {int} NOT NULL DEFAULT 0;
UPDATE event_actors SET goldstein = e.goldstein, num_mentions = e.num_mentions
FROM events e WHERE e.id = event_actors.event_id;
DROP INDEX event_actors_by_date;
CREATE INDEX event_actors_by_date
    ON event_actors (actor_key, date, event_id, roles, goldstein, num_mentions);

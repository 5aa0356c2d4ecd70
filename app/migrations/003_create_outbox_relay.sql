-- The event store is the outbox: the relay (app/src/relay.ts) publishes `events` in `seq` order and remembers how far it got.
--
-- outbox_gate: one row that every append reads LOCK IN SHARE MODE, in the same statement that inserts the events
-- (app/src/orders/eventStore.ts). AUTO_INCREMENT hands out `seq` at insert time, not at commit, so a later seq can commit
-- first; the relay takes this row FOR UPDATE, which waits for every append in flight and holds new ones back, and reads
-- MAX(seq) under it. Every seq up to that high-water mark is then committed or gone for good, so reading up to it skips
-- nothing. CHECK keeps it one row with id 1 (the app user may UPDATE it, which a locking read FOR UPDATE requires, but
-- has no DELETE): appends insert nothing without that row, and the store refuses an append that inserted nothing.
CREATE TABLE IF NOT EXISTS outbox_gate (
    id TINYINT UNSIGNED NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT outbox_gate_single_row CHECK (id = 1)
) ENGINE=InnoDB;

INSERT IGNORE INTO outbox_gate (id) VALUES (1);

-- One row per relay: the position (events.seq) up to which every event was accepted by the bus or parked, and a lease so
-- that two overlapping runs do not both publish (they could without losing anything: `position` only moves forward).
CREATE TABLE IF NOT EXISTS relay_checkpoints (
    relay VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    position BIGINT UNSIGNED NOT NULL,
    lease_owner VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    lease_until DATETIME(6) NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (relay)
) ENGINE=InnoDB;

INSERT IGNORE INTO relay_checkpoints (relay, position, updated_at) VALUES ('eventbridge', 0, UTC_TIMESTAMP(6));

-- Events the relay could not publish (a row that does not hold a valid event, or one larger than EventBridge accepts): kept
-- here with the reason, counted in the EventsParked metric, and passed over so that they never block the stream.
CREATE TABLE IF NOT EXISTS parked_events (
    seq BIGINT UNSIGNED NOT NULL,
    relay VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reason VARCHAR(512) NOT NULL,
    parked_at DATETIME(6) NOT NULL,
    PRIMARY KEY (relay, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The event store: one row per event, never updated or deleted (the app user has no UPDATE or DELETE).
-- UNIQUE(aggregate_id, version): two writers appending at the same version cannot both succeed.
-- UNIQUE(event_id): appending the same event twice (a retry, an Idempotency-Key) is detected, not duplicated.
-- created_at is written as UTC_TIMESTAMP(6) by the app, so it is UTC whatever the server's time zone.
CREATE TABLE IF NOT EXISTS events (
    seq BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    event_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    aggregate_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    version INT UNSIGNED NOT NULL,
    type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    data JSON NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_events_event_id (event_id),
    UNIQUE KEY uq_events_aggregate_version (aggregate_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

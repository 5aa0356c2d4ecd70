-- Snapshots of order state, so that reading an order folds a bounded number of events, not its whole history.
-- A cache derived from the event store, which stays the source of truth:
-- * a row (aggregate_id, state_format, version) holds the fold of that order's events 1..version, written by the request
--   that appended or read exactly those events; events are never updated or deleted, so it stays true;
-- * rows are only ever inserted (the app user has SELECT, INSERT): a newer snapshot is a new row, the newest wins;
-- * `state_format` is the state's encoding and fold rules: the app reads only its own format, so changing either means a
--   new state_format number, and the old rows are simply ignored;
-- * any row may be deleted at any time (pruning old ones, or all of them to rebuild): orders are then folded from
--   their events again, and snapshots come back as orders are read and changed.
CREATE TABLE IF NOT EXISTS order_snapshots (
    aggregate_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    state_format SMALLINT UNSIGNED NOT NULL,
    version INT UNSIGNED NOT NULL,
    state JSON NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (aggregate_id, state_format, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The read model behind GET /orders: one row per order, kept by the projector (app/src/projector.ts) from the events the
-- relay publishes, and rebuildable from the event store at any time (`migrate` with {"rebuildReadModel": true}).
-- * `version` is the last event folded in: the projector applies an event only on top of the version before it, so a
--   duplicate or late delivery never moves a row backwards;
-- * `owner` is a hash of the caller who opened the order (app/src/orders/owner.ts): lists are scoped to it the way
--   idempotency keys are, and no caller identity is stored;
-- * `created_position` is the OrderCreated event's seq: unique and increasing, so "newest first" pages by it without gaps
--   or repeats however the rows change.
CREATE TABLE IF NOT EXISTS order_summaries (
    order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    owner CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id VARCHAR(128) NOT NULL,
    status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    item_count INT UNSIGNED NOT NULL,
    total_cents BIGINT UNSIGNED NOT NULL,
    version INT UNSIGNED NOT NULL,
    created_position BIGINT UNSIGNED NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (order_id),
    UNIQUE KEY uq_order_summaries_owner_position (owner, created_position),
    KEY ix_order_summaries_owner_customer (owner, customer_id, created_position),
    KEY ix_order_summaries_owner_status (owner, status, created_position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The relay runs as a long invocation that keeps polling while it holds the lease (app/src/outbox/relay.ts): the next
-- scheduled run writes its id here while it waits, and the holder hands the lease over (releases it) at its next poll
-- instead of running on to the end of its time. Without a successor the holder keeps the lease until its time runs out,
-- so an event is never left without a relay while one is waiting; the lease itself is unchanged.
ALTER TABLE relay_checkpoints ADD COLUMN lease_successor VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER lease_until;

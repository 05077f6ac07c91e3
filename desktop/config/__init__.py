"""Configuration kept in the database: queues, thresholds, purge."""

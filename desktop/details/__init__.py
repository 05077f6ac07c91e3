"""A job's details window and its log model."""

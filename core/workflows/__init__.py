"""Workflows: jobs that wait for other jobs, saved profiles, recurring schedules and chains (issue 11).

- ``tables``: the tables, on the job store's metadata (import ``core.workflows.tables`` before
  ``Base.metadata.create_all``);
- ``dependencies``: ``--after``: record what a job waits for, ``release`` it when its parents have ended, and
  say why it waits (``waiting_reason``);
- ``origins``: where a job came from (profile, manual or schedule, chain run) and ``annotate`` for the JSON;
- ``launching``: one function that submits a job with its dependencies and origin;
- ``profiles`` and ``chains``: saved profiles and chains (their SQL and rules);
- ``schedules``: cron times and ``fire_due``, which engines call on each tick;
- ``bulk``: re-ordering (priority) and ``retry --failed``;
- ``facade``: :class:`Workflows`, the Tracker's ``workflows`` attribute (what the window and the CLI call);
- ``ticks``: what an engine's housekeeping calls (``tick`` each tick, ``release_ended`` after a job ended).

This package stays light to import: ``core.store.db`` imports ``core.workflows.tables`` while the store itself
is still loading, so nothing here imports the other modules eagerly.
"""

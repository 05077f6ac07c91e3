"""The store: every SQL statement about jobs, engines and settings, below the Tracker.

``schema`` declares the tables, ``db`` opens a database (URL, dialect set-up, migrations, refusing what is not
ours), ``dialect`` holds the few statements that differ between SQLite and PostgreSQL, ``jobs`` the job
statements (submit, claim, transitions, visibility, stop, remove, retry, purge, engines), ``settings`` the typed
configuration. The catalogue's tables and statements live with the asset library (``core.library``).
"""

"""The Profiles page: saved profiles, their schedules and last runs; run now, edit, remove."""

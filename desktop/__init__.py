"""asyncops desktop: the PySide6 Process Tracker, one client of the Qt-free core."""

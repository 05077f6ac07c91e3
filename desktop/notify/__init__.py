"""Telling the person: the notifier (tray), the inbox and the message bar."""

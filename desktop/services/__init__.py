"""What the window holds that is not a widget: the background door, the job cache, the job actions."""

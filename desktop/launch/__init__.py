"""Starting a job: the New operation dialog and the parameter form built from an operation's schema."""

"""The job list: the table model over the job cache, its delegate, the latest-operations panel, and the view
decisions as pure functions (presentation)."""

"""The Timeline window (issue 11): jobs as bars per queue, with why each waited."""

"""The job list and job-details CSV never hand a spreadsheet a formula."""

from __future__ import annotations

import csv
import io

from core import export


def test_cells_that_start_a_formula_are_neutralised() -> None:
    for text in ("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert export.safe(text) == "'" + text
    for text in ("plain", "", "1-2", "a=b"):
        assert export.safe(text) == text
    out = io.StringIO()
    csv.writer(out).writerow([export.safe('=HYPERLINK("http://x")')])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ['\'=HYPERLINK("http://x")']

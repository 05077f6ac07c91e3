"""The engine package: what runs jobs in a process (the window's, ``asyncops worker``, an inline run).

- :mod:`core.engine.engine`: :class:`Engine`, its life cycle, queue slots and the writing of outcomes;
- :mod:`core.engine.context`: :class:`JobContext`, what a running operation reports through;
- :mod:`core.engine.claims`: how an engine takes jobs (several at once, within its fair share of a queue);
- :mod:`core.engine.housekeeping`: daily purge, recovery of dead engines' jobs, promotion of due jobs;
- :mod:`core.engine.ending`: the end of a shutdown's grace (programs still running killed, held jobs recorded);
- :mod:`core.engine.processes`: ending the process groups of jobs (left by dead engines, or still running).
"""

from core.engine.context import JobContext, StopRequested
from core.engine.engine import Engine

__all__ = ["Engine", "JobContext", "StopRequested"]

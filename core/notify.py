"""E-mail when a job ends: a listener on an engine's event bus that mails the job's owner.

Each person chooses an address and which outcomes to mail (``asyncops notify --email ADDRESS --when
all|failed|warnings``); an admin sets the SMTP server (``smtp.host``, ``smtp.port``, ``smtp.security`` none,
starttls or ssl, ``smtp.user``, ``smtp.password``, ``smtp.from``). The engine process that ran a job sends its
message, from a background thread, with retries and a growing delay when the SMTP server fails; a failure is
logged and never changes the job.

Every engine process subscribes it (``core.service.serve.EngineService``: the background engine and
``asyncops worker``; the inline engine of ``asyncops run``)::

    notifier = subscribe(engine)       # mails the jobs it runs, and polls the outbox
    ...
    notifier.close()                   # waits a little for messages still being sent

The SMTP password is never logged, never shown by ``config show`` and never put in a job's parameters; on
PostgreSQL only admins and workers may read it. A person's own engine there leaves the mail of the jobs it ran in
the mail outbox (:mod:`core.store.outbox`), and an engine that can read the password (a worker's, an admin's)
sends it within ``OUTBOX_POLL`` seconds.
"""

from __future__ import annotations

import atexit
import datetime as dt
import logging
import queue
import smtplib
import socket
import ssl
import threading
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from core.events import EventKind, JobEvent
from core.records import JobSnapshot, LogEntry
from core.status import JobStatus
from core.store import jobs, outbox, settings
from core.store.db import Database
from core.store.settings import NotifyConfig, SmtpConfig

log = logging.getLogger("asyncops.notify")

FIRST_ERRORS = 5
SEEN = 4096  # job ends remembered to send each once
OUTBOX_POLL = 15.0  # seconds between an idle engine's looks into the mail outbox (one read each)
OUTBOX_LEASE = 600.0  # a claimed outbox row whose sender died is taken again after this
_ENDS = {EventKind.CHANGED, *(k for k in EventKind if k.value == "finished")}  # FINISHED where the engine has it


def wanted(pref: NotifyConfig, snap: JobSnapshot) -> bool:
    """all: every end; failed: failed or interrupted; warnings: those and successes with warnings."""
    bad = snap.status in (JobStatus.FAILED, JobStatus.INTERRUPTED)
    if pref.when == "failed":
        return bad
    if pref.when == "warnings":
        return bad or snap.warnings > 0
    return True


def _duration(snap: JobSnapshot) -> str:
    if snap.started_at is None or snap.finished_at is None:
        return "-"
    secs = max(0, int((snap.finished_at - snap.started_at).total_seconds()))
    h, rest = divmod(secs, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h {m:02d}m {s:02d}s" if h else (f"{m}m {s:02d}s" if m else f"{s}s")


def compose(snap: JobSnapshot, errors: list[LogEntry], *, sender: str, to: str) -> EmailMessage:
    """The message for a job that ended: subject with #ID, label and status; counts, duration, first errors
    and the job's link in the body."""
    msg = EmailMessage()
    msg["Subject"] = f"asyncops #{snap.id} {snap.label}: {snap.status}"
    msg["From"] = sender
    msg["To"] = to
    total = f" of {snap.progress_total}" if snap.progress_total is not None else ""
    lines = [
        f"Job #{snap.id} \u201c{snap.label}\u201d ({snap.operation}) ended {snap.status}.",
        "",
        f"Items:     {snap.progress_done}{total}",
        f"Warnings:  {snap.warnings}",
        f"Errors:    {snap.errors}",
        f"Duration:  {_duration(snap)}",
        f"Queue:     {snap.queue} (attempt {snap.attempt} of {snap.max_attempts})",
    ]
    if snap.message:
        lines += ["", snap.message]
    if errors:
        lines += ["", f"First errors ({len(errors)} shown):"]
        for e in errors:
            item = f" [{e.item}]" if e.item else ""
            lines.append(f"  {e.time.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S} UTC  {e.message}{item}")
    lines += ["", f"Open it: asyncops://job/{snap.id}", ""]
    msg.set_content("\n".join(lines))
    return msg


def send(cfg: SmtpConfig, message: EmailMessage, *, timeout: float = 30.0) -> None:
    """One delivery attempt (raises smtplib.SMTPException or OSError)."""
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if cfg.security == "ssl":
        client = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(cfg.host, cfg.port, timeout=timeout)
    with client:
        client.ehlo()
        if cfg.security == "starttls":
            client.starttls(context=context)
            client.ehlo()
        if cfg.user:
            client.login(cfg.user, cfg.password)
        client.send_message(message)


class EmailNotifier:
    """The listener: queues each job that ended and mails it from one background thread."""

    def __init__(
        self,
        db: Database,
        *,
        attempts: int = 5,
        backoff: float = 2.0,
        max_backoff: float = 300.0,
        timeout: float = 30.0,
        sender: Callable[[SmtpConfig, EmailMessage], None] | None = None,
        drain: float | None = None,
    ) -> None:
        self.db = db
        self.attempts = attempts
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.timeout = timeout
        self._send = sender or (lambda cfg, m: send(cfg, m, timeout=self.timeout))
        self._queue: queue.Queue[JobSnapshot | None] = queue.Queue()
        self._closing = threading.Event()
        # the job ends already taken (an end may be published twice); the latest only, as a worker lives for months
        self._seen: dict[tuple[int, int, str], None] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.drain = drain  # seconds between looks into the mail outbox (None: this notifier never looks)
        self.sent = 0  # messages delivered (for tests and logs)
        self.failed = 0  # messages given up
        atexit.register(self.close, 10.0)

    # the listener: on the publishing (engine) thread, so it only queues
    def __call__(self, event: JobEvent) -> None:
        snap = event.job
        if event.kind not in _ENDS or snap is None or not snap.status.is_terminal or self._closing.is_set():
            return
        key = (snap.id, snap.attempt, str(snap.status))
        with self._lock:
            if key in self._seen:
                return
            self._seen[key] = None
            if len(self._seen) > SEEN:
                del self._seen[next(iter(self._seen))]
        self._start()
        self._queue.put(snap)

    def _start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="asyncops-email", daemon=True)
                self._thread.start()

    def start(self) -> EmailNotifier:
        """Start the sending thread now (a notifier that drains the outbox looks into it from then on)."""
        self._start()
        return self

    def close(self, timeout: float = 10.0) -> None:
        """Stop taking events; wait up to ``timeout`` seconds for messages being sent."""
        if self._closing.is_set():
            return
        self._closing.set()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)
        atexit.unregister(self.close)

    def join(self, timeout: float = 10.0) -> bool:
        """Wait until every queued message was sent or given up (tests)."""
        done = threading.Event()

        def check() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=check, daemon=True).start()
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            try:
                snap = self._queue.get(timeout=self.drain)
            except queue.Empty:  # idle for ``drain`` seconds: mail other engines could not send
                try:
                    self._drain()
                except SQLAlchemyError as exc:  # the database is away (the engine says so): the next poll tries again
                    log.debug("mail outbox not read: %s", type(exc).__name__)
                except Exception:
                    log.exception("sending the mail outbox failed")
                continue
            try:
                if snap is None:
                    return
                self._deliver(snap)
            except SQLAlchemyError as exc:  # the database went away since the job's end was written: one line
                log.warning(
                    "job #%s: e-mail not sent: the database cannot be read (%s)",
                    getattr(snap, "id", "?"),
                    type(exc).__name__,
                )
            except Exception:  # a bug here must not end the thread: the next job's mail still goes
                log.exception("e-mail for job #%s failed", getattr(snap, "id", "?"))
            finally:
                self._queue.task_done()

    def _deliver(self, snap: JobSnapshot) -> None:
        pref = settings.get_notify(self.db, snap.owner)
        if pref is None or not wanted(pref, snap):
            return
        cfg = settings.get_smtp(self.db)
        if not cfg.configured:
            log.warning("job #%d: %s asked for e-mail but no SMTP server is set (smtp.host)", snap.id, snap.owner)
            return
        if not sendable(cfg):  # a person's engine on PostgreSQL: a worker's or an admin's engine sends it
            outbox.hand_on(self.db, snap.id, snap.owner)
            log.info("job #%d: e-mail left in the outbox for a worker (this engine cannot read smtp.password)", snap.id)
            return
        self._mail(cfg, snap, pref)

    def _drain(self) -> None:
        """Send the mail other engines left in the outbox, when this engine can (polled while idle)."""
        cfg = settings.get_smtp(self.db)
        if not (cfg.configured and sendable(cfg)) or not outbox.due(self.db, OUTBOX_LEASE):
            return
        for row_id, job_id in outbox.claim(self.db, OUTBOX_LEASE):
            if self._closing.is_set():
                return  # the lease runs out and another sender takes it
            found = jobs.get_many(self.db, [job_id])
            pref = settings.get_notify(self.db, found[0].owner) if found else None
            if found and pref is not None and wanted(pref, found[0]):
                self._mail(cfg, found[0], pref)
            outbox.done(self.db, row_id)

    def _mail(self, cfg: SmtpConfig, snap: JobSnapshot, pref: NotifyConfig) -> None:
        errors = jobs.log_of(self.db, snap.id, levels=["ERROR"], limit=FIRST_ERRORS)
        sender = cfg.sender or cfg.user or f"asyncops@{socket.getfqdn()}"
        message = compose(snap, errors, sender=sender, to=pref.email)
        delay = self.backoff
        for attempt in range(1, self.attempts + 1):
            try:
                self._send(cfg, message)
            except (smtplib.SMTPException, OSError) as exc:
                reason = _reason(exc)
                if attempt == self.attempts:
                    self.failed += 1
                    log.error(
                        "job #%d: e-mail to %s not sent after %d attempts: %s", snap.id, pref.email, attempt, reason
                    )
                    return
                log.warning(
                    "job #%d: e-mail to %s failed (attempt %d of %d: %s); retrying in %gs",
                    snap.id,
                    pref.email,
                    attempt,
                    self.attempts,
                    reason,
                    delay,
                )
                if self._closing.wait(delay):
                    delay = 0.0  # closing: the remaining attempts without waiting
                else:
                    delay = min(self.max_backoff, delay * 2)
                continue
            self.sent += 1
            log.info("job #%d: e-mail sent to %s", snap.id, pref.email)
            return


def sendable(cfg: SmtpConfig) -> bool:
    """Whether this engine can log in to the SMTP server: no login needed, or it can read the password."""
    return not (cfg.user and not cfg.password)


def _reason(exc: BaseException) -> str:
    """Why a delivery failed, without anything the SMTP server echoed back of our credentials."""
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"SMTP {exc.smtp_code}"
    if isinstance(exc, smtplib.SMTPException):
        return type(exc).__name__
    return f"{type(exc).__name__}: {exc.strerror or exc}" if isinstance(exc, OSError) else type(exc).__name__


def subscribe(engine: Any, db: Database | None = None, *, drain: float | None = OUTBOX_POLL) -> EmailNotifier:
    """Mail the owners of the jobs ``engine`` runs, and (unless ``drain`` is None) every ``drain`` seconds the mail
    other engines left in the outbox, when this one can send it. One line where an engine is built."""
    notifier = EmailNotifier(db or engine.db, drain=drain)
    engine.bus.subscribe(notifier)
    if drain is not None:
        notifier.start()
    return notifier

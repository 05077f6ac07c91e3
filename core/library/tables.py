"""The catalogue's tables: libraries, assets (with their metadata and a person's edits), references, the move journal."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from core.store.schema import Base, utcnow

if TYPE_CHECKING:
    pass


# =====================================================================================================
# Models
# =====================================================================================================
class Library(Base):
    __tablename__ = "libraries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    root: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    scanned_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)


class Asset(Base):
    """A file or folder of a library. ``props`` holds free typed properties: ``{key: [type, value]}``.

    ``title`` … ``props`` are the effective values (what exports and the window show). ``edits`` names the fields
    whose value a person set (``title``, ``description``, ``rating``, ``tags`` or ``p:NAME``), each with what the
    file said when it was first set: ``{"f": …}``; re-reading the file keeps those fields' values (see
    core.library.edits)."""

    __tablename__ = "assets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    library_id: Mapped[int] = mapped_column(ForeignKey("libraries.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(Text)
    parent: Mapped[str] = mapped_column(Text)
    is_dir: Mapped[bool] = mapped_column(Boolean, default=False)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    mtime: Mapped[float] = mapped_column(Float, default=0.0)
    media_type: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    props: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    edits: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    __table_args__ = (
        Index("ux_assets_library_path", "library_id", "path", unique=True),
        Index("ix_assets_library_parent", "library_id", "parent"),
    )


class Reference(Base):
    """A link from one catalogued file (``source_id``) to a path of the same library (``target``).

    ``target`` is the resolved library-relative path (None for a link that leaves the library); ``line`` is
    1-based and ``col`` 0-based (None when the link text could not be located exactly).
    """

    __tablename__ = "asset_refs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    library_id: Mapped[int] = mapped_column(ForeignKey("libraries.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("assets.id", ondelete="CASCADE"), index=True)
    line: Mapped[int] = mapped_column(Integer)
    col: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(20))
    raw: Mapped[str] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (Index("ix_asset_refs_library_target", "library_id", "target"),)


class MovePlan(Base):
    """The journal of one move: written in one transaction before anything moves, then worked off step by step."""

    __tablename__ = "move_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    library_id: Mapped[int] = mapped_column(ForeignKey("libraries.id", ondelete="CASCADE"))
    job_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(20), default="running")  # running | done
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MoveStep(Base):
    __tablename__ = "move_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("move_plans.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


libraries_t = cast(Table, Library.__table__)
assets_t = cast(Table, Asset.__table__)
refs_t = cast(Table, Reference.__table__)
plans_t = cast(Table, MovePlan.__table__)
steps_t = cast(Table, MoveStep.__table__)

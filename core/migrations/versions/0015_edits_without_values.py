"""edits without their values: an edited field kept ``{"v": the value set, "f": what the file said}`` while the
value set is also the field's own column (the effective value); now ``{"f": …}`` alone, so that an import that
sets an edited field again writes the column and leaves the edit as it is (no JSON rewritten per row)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

BATCH = 1000
assets = sa.table(
    "assets",
    sa.column("id", sa.Integer),
    sa.column("title", sa.Text),
    sa.column("description", sa.Text),
    sa.column("rating", sa.Integer),
    sa.column("tags", sa.JSON),
    sa.column("props", sa.JSON),
    sa.column("edits", sa.JSON),
)


def _value(row: Any, key: str) -> Any:
    if key.startswith("p:"):
        return (row.props or {}).get(key[2:])
    if key == "tags":
        return list(row.tags or [])
    return getattr(row, key, None)


def _rewrite(with_values: bool) -> None:
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            sa.select(assets)
            .where(assets.c.id > last, assets.c.edits.is_not(None))
            .order_by(assets.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        last = rows[-1].id
        changed = []
        for r in rows:
            if not isinstance(r.edits, dict):
                continue
            if with_values:
                edits = {k: {"v": _value(r, k), "f": (e or {}).get("f")} for k, e in r.edits.items()}
            else:
                edits = {k: {"f": (e or {}).get("f")} for k, e in r.edits.items()}
            if edits != r.edits:
                changed.append({"rid": r.id, "new": edits or None})
        if changed:
            conn.execute(
                assets.update().where(assets.c.id == sa.bindparam("rid")).values(edits=sa.bindparam("new")), changed
            )


def upgrade() -> None:
    _rewrite(with_values=False)


def downgrade() -> None:
    _rewrite(with_values=True)

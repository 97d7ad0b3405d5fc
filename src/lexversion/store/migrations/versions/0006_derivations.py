"""derivations: what derived each stored text (issue 16: reproducible builds)

Revision ID: 0006
Revises: 0005

``derivations`` names each set of tools a build derived texts with: its
fingerprint and a JSON description (lexversion's version, a hash of its code,
a hash per vocabulary file, a hash per hunspell dictionary or null when not
installed; :mod:`lexversion.parse.provenance`). ``expressions.derivation`` is
the fingerprint that built each text; texts stored before this revision have
none, and the next build derives them again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a store made by ``Base.metadata.create_all`` before migrations existed is
    # stamped at 0003 and brought here with the current tables already in place
    have = sa.inspect(op.get_bind())
    if not have.has_table("derivations"):
        op.create_table(
            "derivations",
            sa.Column("fingerprint", sa.String(length=64), nullable=False),
            sa.Column("description", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("fingerprint"),
        )
    if "derivation" not in {c["name"] for c in have.get_columns("expressions")}:
        op.add_column("expressions", sa.Column("derivation", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.drop_column("expressions", "derivation")
    op.drop_table("derivations")

"""REST methods of the demo portal, registered by name with the scope each needs."""

# Importing registers the methods.
from . import (  # noqa: F401
    categories,
    crm,
    departments,
    duplicates,
    im_dialog,
    im_events,
    items,
    lines_config,
    openlines,
    session_actions,
    sessions,
    statuses,
    system,
    users,
)
from .registry import BATCH_SCOPE, METHODS, Call, ListResult

__all__ = ["BATCH_SCOPE", "METHODS", "Call", "ListResult"]

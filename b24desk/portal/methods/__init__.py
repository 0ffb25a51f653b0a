"""REST methods of the demo portal, registered by name with the scope each needs."""

# Importing registers the methods.
from . import crm, im_dialog, im_events, openlines, sessions, system, users  # noqa: F401
from .registry import BATCH_SCOPE, METHODS, Call, ListResult

__all__ = ["BATCH_SCOPE", "METHODS", "Call", "ListResult"]

"""REST methods of the demo portal, registered by name with the scope each needs."""

# Importing registers the methods.
from . import crm, lines_config, openlines, session_actions, sessions, system, users  # noqa: F401
from .registry import BATCH_SCOPE, METHODS, Call, ListResult

__all__ = ["BATCH_SCOPE", "METHODS", "Call", "ListResult"]

"""REST methods of the demo portal, registered by name with the scope each needs."""

from . import crm, openlines, sessions, statuses, system, users  # noqa: F401  (importing registers the methods)
from .registry import BATCH_SCOPE, METHODS, Call, ListResult

__all__ = ["BATCH_SCOPE", "METHODS", "Call", "ListResult"]

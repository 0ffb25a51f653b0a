"""The demo portal: an emulator of the Bitrix24 REST API, in-process or over loopback HTTP."""

from .app import Portal, WireRecord
from .config import PortalConfig

__all__ = ["Portal", "PortalConfig", "WireRecord"]

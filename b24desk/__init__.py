"""b24desk: a desktop console for Bitrix24 contact-centre supervisors."""

__version__ = "0.1.0"

"""The one error settings raise, with a message fit to show the supervisor (and translate)."""

from __future__ import annotations


class ConfigError(Exception):
    """Settings are invalid or cannot be written; the message is fit to show the supervisor.

    The message is `template` filled from `fields`, so the UI can translate the template.
    """

    def __init__(self, template: str, **fields: object) -> None:
        self.template = template
        self.fields = fields
        super().__init__(template.format(**fields))


class MissingSecretError(ConfigError):
    """A profile's secret (webhook code, token) is not in the secret store."""

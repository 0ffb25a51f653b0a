"""Why a supervisor's write did not go through: errors carrying the message to show."""

from __future__ import annotations

from b24desk.api.errors import OutcomeUnknownError
from b24desk.translatable import QT_TRANSLATE_NOOP

from .outbox import OutboxItem


class NotInChatError(Exception):
    """The connected user is not a participant, and the portal refuses senders who aren't."""

    user_message = QT_TRANSLATE_NOOP("errors", "You are not in this chat yet. Join it to write.")


class NotConfirmedError(OutcomeUnknownError):
    """A message's answer was lost and the chat does not show it yet; it waits in the outbox."""

    user_message = QT_TRANSLATE_NOOP(
        "errors",
        "Bitrix24 did not confirm the message and it is not in the chat yet. It waits above "
        "the composer: check and resend it, or discard it.",
    )

    def __init__(self, item: OutboxItem) -> None:
        super().__init__(self.user_message)
        self.item = item


class LeadBusyError(Exception):
    """A lead is already being created from this chat."""

    user_message = QT_TRANSLATE_NOOP("errors", "A lead is already being created from this chat.")


class LeadExistsError(Exception):
    """The chat already has a lead; a second one needs the supervisor's explicit say-so."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "This chat already has a lead. Confirm to create a second one."
    )

    def __init__(self, lead_id: int) -> None:
        super().__init__(self.user_message)
        self.lead_id = lead_id


class CustomerRemovalError(Exception):
    """The customer is the other side of an Open Lines chat and cannot be removed from it."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "The customer cannot be removed from their own chat."
    )


class SessionElsewhereError(Exception):
    """The session asked for belongs to another chat than the one on show."""

    user_message = QT_TRANSLATE_NOOP("errors", "That session belongs to another chat.")

"""Texts the Qt-free layers (api/, desk/, config) hand to the UI, registered for translation.

`QT_TRANSLATE_NOOP` marks each source text so pyside6-lupdate finds it; the UI translates
the text it is given at run time with `error_text` / `text`. tests/ui/test_translations.py
fails when an error class or message is added without being listed here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from b24desk.api.types import CrmEntityType
from b24desk.translatable import QT_TRANSLATE_NOOP

ERRORS = "errors"  # context of every error message (see ui/errors.py)
TEXTS = "texts"  # context of the other texts from below the UI

# b24desk.api.errors: the `user_message` of every B24Error class.
API_ERRORS = (
    QT_TRANSLATE_NOOP("errors", "The request to Bitrix24 failed."),
    QT_TRANSLATE_NOOP("errors", "The connection settings are not valid. Check the portal address."),
    QT_TRANSLATE_NOOP("errors", "Bitrix24 could not be reached. Check the network and try again."),
    QT_TRANSLATE_NOOP(
        "errors", "Cannot connect to Bitrix24. Check the network or the portal address."
    ),
    QT_TRANSLATE_NOOP("errors", "Bitrix24 is taking too long to answer. Try again in a moment."),
    QT_TRANSLATE_NOOP("errors", "The connection to Bitrix24 broke off. Try again."),
    QT_TRANSLATE_NOOP(
        "errors", "Bitrix24 sent an unreadable answer (maintenance or a proxy error)."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The change was sent, but Bitrix24's answer was lost. Check whether it was "
        "applied before trying again.",
    ),
    QT_TRANSLATE_NOOP("errors", "This step was not run because an earlier step failed."),
    QT_TRANSLATE_NOOP("errors", "Bitrix24 refused the request."),
    QT_TRANSLATE_NOOP("errors", "Bitrix24 is limiting requests. Please wait a moment."),
    QT_TRANSLATE_NOOP("errors", "Bitrix24 is busy with too many requests. Retrying shortly."),
    QT_TRANSLATE_NOOP("errors", "Bitrix24 has paused this kind of request for a few minutes."),
    QT_TRANSLATE_NOOP(
        "errors", "Bitrix24 did not accept the sign-in. Check the connection settings."
    ),
    QT_TRANSLATE_NOOP("errors", "The Bitrix24 session expired. Reconnecting…"),
    QT_TRANSLATE_NOOP(
        "errors", "The webhook or access token is not valid any more. Check the connection."
    ),
    QT_TRANSLATE_NOOP("errors", "Your Bitrix24 sign-in has ended. Please sign in again."),
    QT_TRANSLATE_NOOP("errors", "You do not have permission to do this in Bitrix24."),
    QT_TRANSLATE_NOOP(
        "errors", "The webhook lacks a permission (scope) this needs. Ask your administrator."
    ),
    QT_TRANSLATE_NOOP("errors", "This user cannot post in the chat. Add them to the chat first."),
    QT_TRANSLATE_NOOP("errors", "Only the operator currently handling this dialogue can do that."),
    QT_TRANSLATE_NOOP("errors", "You are not allowed to remove participants from this chat."),
    QT_TRANSLATE_NOOP("errors", "It was not found in Bitrix24; it may have been deleted."),
    QT_TRANSLATE_NOOP("errors", "This Bitrix24 portal does not offer this function."),
    QT_TRANSLATE_NOOP("errors", "Bitrix24 rejected the request's data."),
    QT_TRANSLATE_NOOP(
        "errors", "This cannot be done in the object's current state. Refresh and retry."
    ),
    QT_TRANSLATE_NOOP(
        "errors", "This chat is not linked to the CRM record any more. Refresh the list."
    ),
    QT_TRANSLATE_NOOP("errors", "This employee is inactive or no longer exists."),
    QT_TRANSLATE_NOOP("errors", "The participant list already changed. Refresh and retry."),
    QT_TRANSLATE_NOOP("errors", "Bitrix24 had an internal error. Try again in a moment."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Bitrix24's sign-in answer pointed to a different server. The connection was "
        "stopped for safety; check the portal address.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The b24desk application is not installed on this Bitrix24 portal any more. "
        "Ask your administrator to install it again.",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "This works only when connected as a Bitrix24 application, not through a webhook."
    ),
    QT_TRANSLATE_NOOP(
        "errors", "Only employees of this Bitrix24 portal can do this, not external users."
    ),
    QT_TRANSLATE_NOOP(
        "errors", "A Bitrix24 administrator must first approve this. Try again once approved."
    ),
    QT_TRANSLATE_NOOP("errors", "A Bitrix24 administrator has not allowed this."),
    QT_TRANSLATE_NOOP(
        "errors", "This Bitrix24 portal has been deleted or closed. Connect to another portal."
    ),
)

# b24desk.desk: the `user_message` of its exceptions.
DESK_ERRORS = (
    QT_TRANSLATE_NOOP("errors", "You are not in this chat yet. Join it to write."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Bitrix24 did not confirm the message and it is not in the chat yet. It waits above "
        "the composer: check and resend it, or discard it.",
    ),
    QT_TRANSLATE_NOOP("errors", "A lead is already being created from this chat."),
    QT_TRANSLATE_NOOP("errors", "This chat already has a lead. Confirm to create a second one."),
    QT_TRANSLATE_NOOP("errors", "The customer cannot be removed from their own chat."),
)

# b24desk.config: ConfigError templates; the `{fields}` are filled in after translating.
CONFIG_ERRORS = (
    QT_TRANSLATE_NOOP("errors", "The rate limit needs a positive rate and a burst of at least 1."),
    QT_TRANSLATE_NOOP("errors", "A webhook profile needs the user ID from the webhook URL."),
    QT_TRANSLATE_NOOP("errors", "An OAuth profile needs the application's client_id."),
    QT_TRANSLATE_NOOP("errors", "Profile {name!r} is not a webhook profile."),
    QT_TRANSLATE_NOOP("errors", "A profile needs a name."),
    QT_TRANSLATE_NOOP("errors", "Unknown profile kind {kind!r}: use 'webhook' or 'oauth'."),
    QT_TRANSLATE_NOOP("errors", "The portal URL must start with https:// and name a host."),
    QT_TRANSLATE_NOOP("errors", "The token URL must start with https:// and name a host."),
    QT_TRANSLATE_NOOP("errors", "Not a webhook URL: expected {shape}"),
    QT_TRANSLATE_NOOP("errors", "The webhook URL has no user ID and code: expected {shape}"),
    QT_TRANSLATE_NOOP(
        "errors", "No webhook code is stored for profile {name!r}; paste the webhook URL again."
    ),
    QT_TRANSLATE_NOOP("errors", "Cannot read the secrets file {path}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "Cannot write the secrets file {path}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "A profile named {name!r} already exists."),
    QT_TRANSLATE_NOOP("errors", "There is no profile named {name!r}."),
    QT_TRANSLATE_NOOP("errors", "Cannot save settings to {path}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "not a JSON object"),
    QT_TRANSLATE_NOOP("errors", "{key!r} has the wrong type"),
)

# b24desk.settings' fallback note, and the blockers of b24desk.desk.view.EntityChats.
NOTES = (
    QT_TRANSLATE_NOOP(
        "texts",
        "Secrets are stored in a file readable only by you, because no system keyring is "
        "available.",
    ),
    QT_TRANSLATE_NOOP("texts", "There is no chat to create a lead from."),
    QT_TRANSLATE_NOOP("texts", "Only the chat's current operator can create a lead."),
    QT_TRANSLATE_NOOP("texts", "The customer cannot be removed from their own chat."),
)

ENTITY_PLURAL = {
    CrmEntityType.LEAD: QT_TRANSLATE_NOOP("texts", "Leads"),
    CrmEntityType.DEAL: QT_TRANSLATE_NOOP("texts", "Deals"),
    CrmEntityType.CONTACT: QT_TRANSLATE_NOOP("texts", "Contacts"),
    CrmEntityType.COMPANY: QT_TRANSLATE_NOOP("texts", "Companies"),
}
ENTITY_SINGULAR = {
    CrmEntityType.LEAD: QT_TRANSLATE_NOOP("texts", "Lead"),
    CrmEntityType.DEAL: QT_TRANSLATE_NOOP("texts", "Deal"),
    CrmEntityType.CONTACT: QT_TRANSLATE_NOOP("texts", "Contact"),
    CrmEntityType.COMPANY: QT_TRANSLATE_NOOP("texts", "Company"),
}


def error_text(message: str) -> str:
    """An error message from below the UI, in the UI's language."""
    return QCoreApplication.translate(ERRORS, message)


def text(source: str) -> str:
    """A note or label from below the UI, in the UI's language."""
    return QCoreApplication.translate(TEXTS, source)

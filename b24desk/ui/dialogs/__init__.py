"""Dialogs: the connection editor, the user picker and the question boxes."""

"""The chat pane: chat list, participants, history and composer of the chosen entity."""

"""The use-cases the window asks for (connect, chats, sends, the index); no widgets, no Qt."""

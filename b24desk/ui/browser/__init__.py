"""The entity browser: type switch, search and the lazily paged entity table."""

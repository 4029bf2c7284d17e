"""The Textual front-end: displays what the core says and forwards what the user types."""

"""Where the app keeps its files, and the session history in SQLite. No widgets here."""

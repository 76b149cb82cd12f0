"""Sound and speech for cues: what the window asks for, and the ways of doing it."""

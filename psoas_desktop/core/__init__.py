"""The core: routines, timeline, session engine and progression. Pure Python, no Qt."""

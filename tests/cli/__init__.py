"""The command line, as a user runs it: one line per error, never a traceback."""

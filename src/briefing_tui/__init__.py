"""briefing-tui: read news and intelligence briefings in the terminal as structured knowledge."""

# The one place the version is written: pyproject.toml reads it from here, and reading it
# back through importlib.metadata would cost every start-up some 30 ms.
__version__ = "0.1.0"

"""briefing-tui: read news and intelligence briefings in the terminal as structured knowledge."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("briefing-tui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

"""The user's settings file: key remapping by binding id.

``$BRIEFING_TUI_CONFIG_DIR/config.toml`` (else ``$XDG_CONFIG_HOME/briefing-tui/config.toml``,
else ``~/.config/briefing-tui/config.toml``)::

    [keys]
    "app.next_section" = "x"
    "text.down" = "j,down,ctrl+n"

The ids are the ones the help screen (``?``) lists.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CONFIG_DIR_ENV", "Settings", "config_path", "load_settings"]

CONFIG_DIR_ENV = "BRIEFING_TUI_CONFIG_DIR"
"""Environment variable naming the folder of ``config.toml``."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What the settings file says, and what was wrong with it."""

    keymap: dict[str, str] = field(default_factory=dict)
    """Keys by binding id."""
    problems: tuple[str, ...] = ()
    """One line for each part of the file that was ignored, for people."""


def config_path() -> Path:
    """Where the settings file is looked for."""
    explicit = os.environ.get(CONFIG_DIR_ENV)
    if explicit:
        return Path(explicit) / "config.toml"
    xdg = os.environ.get("XDG_CONFIG_HOME")
    base = Path(xdg) if xdg else Path.home() / ".config"
    return base / "briefing-tui" / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    """The settings in ``path`` (default: `config_path`); a missing file means the defaults."""
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Settings(problems=(f"{path}: ignored, it could not be read ({error})",))
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return Settings(problems=(f'{path}: [keys] must be a table of binding id = "keys"',))
    keymap = {name: value for name, value in keys.items() if isinstance(value, str) and value.strip()}
    ignored = sorted(set(keys) - set(keymap))
    problems = (f"{path}: ignored keys for {', '.join(ignored)} (each must be a string)",) if ignored else ()
    return Settings(keymap=keymap, problems=problems)

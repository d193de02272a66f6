"""The settings file: key remapping by binding id, and clear words about a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.config import CONFIG_DIR_ENV, config_path, load_settings


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "config.toml")
    assert settings.keymap == {}
    assert settings.problems == ()


def test_keys_table_is_the_keymap(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"app.next_section" = "x"\n"text.down" = "j,down"\n', encoding="utf-8")
    assert load_settings(path).keymap == {"app.next_section": "x", "text.down": "j,down"}


def test_bad_toml_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[keys\n", encoding="utf-8")
    settings = load_settings(path)
    assert settings.keymap == {}
    assert settings.problems and str(path) in settings.problems[0]


def test_non_string_keys_are_ignored_and_named(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"app.quit" = 3\n"app.help" = "h"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.keymap == {"app.help": "h"}
    assert "app.quit" in settings.problems[0]


def test_config_dir_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))
    assert config_path() == tmp_path / "config.toml"

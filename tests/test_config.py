"""The settings file: key remapping by binding id, and clear words about a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.config import CONFIG_DIR_ENV, Settings, config_path, load_settings


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


# --- checked against the reader's bindings (issue 14) -------------------------------------


def checked(keymap: dict[str, str]) -> Settings:
    from briefing_tui.tui.keymap_check import check_keymap

    return check_keymap(Settings(keymap=keymap))


def test_unknown_binding_ids_are_named_with_a_guess() -> None:
    settings = checked({"app.next_sectoin": "x", "app.help": "h"})
    assert settings.keymap == {"app.help": "h"}
    assert settings.problems == (
        "keys: unknown binding id 'app.next_sectoin' ignored; did you mean app.next_section?",
    )


def test_a_key_bound_twice_is_named() -> None:
    settings = checked({"app.next_section": "n"})
    assert "keys: 'n' is bound to both app.next_section and app.next" in settings.problems
    assert checked({"text.top": "x", "outline.top": "x"}).problems == ()  # different panes


def test_quit_on_a_key_another_binding_takes_is_named() -> None:
    problems = checked({"app.quit": "j"}).problems
    assert "keys: 'j' is bound to both app.quit and text.down" in problems
    assert "keys: app.quit shares its key; ctrl+q always quits" in problems


def test_quit_left_with_no_key_keeps_its_own(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"app.quit" = ""\n', encoding="utf-8")
    settings = load_settings(path)
    assert "app.quit" not in settings.keymap
    assert settings.problems == (
        f"{path}: app.quit is given no key; it keeps its default keys, so the reader can still be quit",
    )


@pytest.mark.parametrize(
    ("written", "read"), [("F1", "f1"), ("Ctrl+N", "ctrl+n"), ("Esc", "escape"), ("PageDown", "pagedown")]
)
def test_key_names_are_read_as_textual_spells_them(written: str, read: str) -> None:
    settings = checked({"app.help": written})
    assert settings.keymap == {"app.help": read}
    assert settings.problems[0] == f"keys: app.help: {written!r} read as {read!r}"


def test_a_name_that_is_no_key_is_ignored() -> None:
    settings = checked({"app.help": "f1,hyperdrive"})
    assert settings.keymap == {"app.help": "f1"}
    assert settings.problems == ("keys: app.help = 'hyperdrive' is not a key name; ignored",)


async def test_the_reader_names_each_problem_and_applies_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.resources import seed_path
    from briefing_tui.tui.help_screen import HelpScreen
    from briefing_tui.tui.launch import build_app

    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "config.toml").write_text(
        '[keys]\n"app.help" = "F1"\n"app.nope" = "x"\n"app.next_section" = "n"\n', encoding="utf-8"
    )
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    app = build_app(seed_path())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications if n.title == "Settings"]
        assert any("'F1' read as 'f1'" in m for m in messages)
        assert any("unknown binding id 'app.nope'" in m for m in messages)
        assert any("'n' is bound to both app.next_section and app.next" in m for m in messages)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

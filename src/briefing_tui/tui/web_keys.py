"""Keys a web browser keeps for itself, and the second keys that reach a served reader instead.

In a browser tab Ctrl+T opens a tab, Ctrl+W closes it, Ctrl+R reloads the page and Ctrl+P
prints, before the page sees the key. Every binding that uses such a key also has a second
key that passes through (listed in help when the reader runs in a browser).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

__all__ = ["BROWSER_KEYS", "browser_alternatives"]

BROWSER_KEYS = frozenset(
    {
        "ctrl+n",  # new window
        "ctrl+p",  # print
        "ctrl+q",  # quit the browser (Linux)
        "ctrl+r",  # reload
        "ctrl+t",  # new tab
        "ctrl+w",  # close the tab
        "ctrl+l",  # address bar
        "ctrl+s",  # save the page
        "ctrl+o",  # open a file
        "ctrl+h",  # history
        "ctrl+j",  # downloads
        "ctrl+d",  # bookmark
        "ctrl+f",  # find in page
        "ctrl+u",  # view source
    }
)
"""Keys the browser acts on before a page can see them."""


def browser_alternatives(bindings: Iterable[BindingType]) -> list[BindingType]:
    """For each binding with a browser key, the same binding showing only its other keys.

    Each description says which key it stands in for, so help can list what to press
    instead; a binding with no other key is left out (a test keeps that list empty).
    """
    grouped: dict[str, tuple[Binding, list[str]]] = {}
    for binding in Binding.make_bindings(bindings):
        _, keys = grouped.setdefault(binding.id or binding.action, (binding, []))
        keys.append(binding.key)
    found: list[BindingType] = []
    for binding, keys in grouped.values():
        taken = [key for key in keys if key in BROWSER_KEYS]
        others = [key for key in keys if key not in BROWSER_KEYS]
        if taken and others:
            description = f"{binding.description} (instead of {', '.join(taken)})"
            found.append(Binding(",".join(others), binding.action, description, id=binding.id))
    return found

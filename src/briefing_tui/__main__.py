"""``python -m briefing_tui``: the same as the ``briefing-tui`` command."""

from briefing_tui.cli import main

raise SystemExit(main())

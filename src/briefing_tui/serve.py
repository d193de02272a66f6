"""Serve the reader to a web browser: one reader process per browser tab, nothing from the internet.

textual-serve runs a command per websocket and relays the terminal between that process and
xterm.js in the page. On top of it this adds what a shared reader needs: a page whose every
asset comes from the installed packages (its default page links web fonts), a cap on the
number of sessions, an end to idle sessions, and a server that outlives any one session.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import os
import shlex
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, Any

from briefing_tui.errors import BriefingError
from briefing_tui.safe_text import visible

if TYPE_CHECKING:
    from aiohttp import web
    from textual_serve.app_service import AppService

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_IDLE_TIMEOUT",
    "DEFAULT_MAX_SESSIONS",
    "DEFAULT_PORT",
    "exposure_warning",
    "reader_command",
    "serve",
]

DEFAULT_HOST = "127.0.0.1"
"""Only this machine can connect unless the user names another address."""
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 8
"""Each session is a reader process; more than this many at once are turned away."""
DEFAULT_IDLE_TIMEOUT = 1800.0
"""Seconds without a key, click or resize before a session is ended."""
TRY_AGAIN_LATER = 1013
"""The websocket close code for a server that is full."""
TEMPLATES = Path(__file__).resolve().parent / "web"
"""Our page template, which loads nothing from outside the server."""

log = logging.getLogger("briefing-tui.serve")


def reader_command(target: Path | None) -> str:
    """The shell command that runs one reader for ``target`` (the bundled briefing when None)."""
    words = [sys.executable, "-m", "briefing_tui"]
    if target is not None:
        words.append(str(target.resolve()))
    return shlex.join(words)


def exposure_warning(host: str) -> str | None:
    """What to tell the user before listening on ``host``; None for loopback addresses."""
    if host == "localhost":
        return None
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass  # a host name: it may resolve to an address others can reach
    return (
        f"warning: listening on {host}: anyone who can reach this port can read the briefings "
        "and use the reader; there is no password."
    )


def serve(
    target: Path | None,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
) -> int:
    """Serve the reader for ``target`` until interrupted; raises `BriefingError` if it cannot listen."""
    title = visible(target.name) if target is not None else "briefing-tui"
    server = _server_class()(
        reader_command(target),
        host=host,
        port=port,
        title=title,
        max_sessions=max_sessions,
        idle_timeout=idle_timeout,
    )
    try:
        server.serve()
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise BriefingError(f"{host}:{port}", f"cannot listen: {reason.lower()}") from None
    return 0


@dataclass(eq=False)  # sessions are told apart by identity, and kept in a set
class _Session:
    """One browser tab's reader, and when its user last did anything."""

    last_input: float = field(default_factory=monotonic)


def _server_class() -> type[Any]:
    # aiohttp and textual-serve are imported only by `briefing-tui serve`.
    from aiohttp import WSMsgType, web
    from textual_serve import app_service, server

    static = Path(server.__file__).resolve().parent / "static"

    class ReaderSession(app_service.AppService):
        """One tab's reader process; the page is told when it ends, however it ends."""

        async def run(self) -> None:
            await super().run()
            # textual-serve closes the page only when the app says it is exiting; a reader
            # that crashed or was killed says nothing, and the tab would hang on a dead screen.
            await self.remote_close()

    class BriefingServer(server.Server):
        """textual-serve's server with our offline page, a session cap and idle timeouts."""

        def __init__(
            self, command: str, *, host: str, port: int, title: str, max_sessions: int, idle_timeout: float
        ) -> None:
            super().__init__(
                command, host=host, port=port, title=title, statics_path=static, templates_path=TEMPLATES
            )
            self.max_sessions = max_sessions
            self.idle_timeout = idle_timeout
            self.sessions: set[_Session] = set()

        def initialize_logging(self) -> None:
            logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

        def serve(self, debug: bool = False) -> None:
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
            # run_app calls `print` once the socket is bound, so the line is only ever true.
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                loop=loop,
                print=lambda _: self._announce(),
            )

        def _announce(self) -> None:
            sys.stderr.write(f"Serving {self.title} on http://{self.host}:{self.port}/ (Ctrl+C to stop)\n")

        def _full(self) -> web.Response | None:
            if len(self.sessions) < self.max_sessions:
                return None
            text = f"All {self.max_sessions} reader sessions are in use; try again later.\n"
            return web.Response(status=503, text=text)

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            full = self._full()
            if full is not None:
                return full
            import aiohttp_jinja2

            scheme = "wss" if request.secure else "ws"
            context = {
                "font_size": _whole(request.query.get("fontsize", "16"), 16),
                "app_websocket_url": f"{scheme}://{request.host}/ws",
                "config": {"static": {"url": "/static/"}},
                "application": {"name": self.title},
            }
            return aiohttp_jinja2.render_template("app_index.html", request, context)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            websocket = web.WebSocketResponse(heartbeat=15)
            if self._full() is not None:
                await websocket.prepare(request)
                await websocket.close(code=TRY_AGAIN_LATER, message=b"all reader sessions are in use")
                return websocket
            session = _Session()
            self.sessions.add(session)
            try:
                await websocket.prepare(request)
                await self._run_session(request, websocket, session)
            except asyncio.CancelledError:
                await websocket.close()
            except Exception:  # one session's failure must not end the others
                log.exception("a reader session failed")
            finally:
                self.sessions.discard(session)
            return websocket

        async def _run_session(
            self, request: web.Request, websocket: web.WebSocketResponse, session: _Session
        ) -> None:
            async def close() -> None:
                await websocket.close()

            service = ReaderSession(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=False,
            )
            width = _whole(request.query.get("width", "80"), 80)
            height = _whole(request.query.get("height", "24"), 24)
            await service.start(width, height)
            watchdog = asyncio.create_task(self._end_when_idle(session, service, websocket))
            try:
                async for message in websocket:
                    if message.type == WSMsgType.TEXT:
                        await _relay(message.data, service, websocket, session)
            finally:
                watchdog.cancel()
                await service.stop()

        async def _end_when_idle(
            self, session: _Session, service: AppService, websocket: web.WebSocketResponse
        ) -> None:
            while True:
                idle = monotonic() - session.last_input
                if idle >= self.idle_timeout:
                    log.info("ending a session idle for %.0f s", idle)
                    await service.stop()
                    await websocket.close()
                    return
                await asyncio.sleep(min(self.idle_timeout - idle, 5.0) + 0.05)

    return BriefingServer


async def _relay(data: str, service: AppService, websocket: web.WebSocketResponse, session: _Session) -> None:
    """Pass one message from the page to the reader; a malformed one is ignored."""
    try:
        envelope = json.loads(data)
        kind, payload = envelope[0], envelope[1] if len(envelope) > 1 else None
    except (ValueError, TypeError, IndexError, KeyError):
        return
    if kind == "stdin" and isinstance(payload, str):
        session.last_input = monotonic()
        await service.send_bytes(payload.encode("utf-8"))
    elif kind == "resize" and isinstance(payload, dict):
        session.last_input = monotonic()
        await service.set_terminal_size(_whole(payload.get("width"), 80), _whole(payload.get("height"), 24))
    elif kind == "ping":
        await websocket.send_json(["pong", payload])
    elif kind == "blur":
        await service.blur()
    elif kind == "focus":
        await service.focus()


def _whole(value: object, default: int) -> int:
    """``value`` as a positive whole number of at most 1000, else ``default``."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if 0 < number <= 1000 else default

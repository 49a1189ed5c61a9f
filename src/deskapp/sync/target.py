"""Where to sync: the server address in the library, the password in the OS keyring.

The address (``postgresql://name@server:5432/newsroom``, or libpq's
``host=… user=…`` form) is stored in the library's settings with any
password taken out. The password goes to the system keyring through
``keyring`` when a real backend exists (Windows Credential Manager, macOS
Keychain, Secret Service); otherwise it is asked for each time and never
written anywhere. libpq's own ``PGPASSWORD`` and ``~/.pgpass`` work too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from deskapp.store import Library
from deskapp.sync.errors import SyncError

URL_SETTING = "sync_url"
LAST_SYNC_SETTING = "sync_last"
OLDER_SETTING = "sync_older"  # how far the older articles a first pull left have come
KEYRING_SERVICE = "Deskapp newsroom server"
CONNECT_TIMEOUT = 5
# A laptop notices a server gone silent (a mobile link dropped mid-sync) within about a
# minute instead of the system's TCP default of hours: keepalive probes after 20 s idle,
# every 5 s, 4 missed end it; data unacknowledged for 60 s ends it too.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 20, "keepalives_interval": 5,
              "keepalives_count": 4, "tcp_user_timeout": 60_000}


@dataclass(frozen=True)
class SyncTarget:
    """A server address without its password."""

    url: str

    @classmethod
    def parse(cls, text: str) -> tuple[SyncTarget, str | None]:
        """The address with the password taken out, and that password (or ``None``)."""
        load_driver()
        from psycopg import conninfo

        text = text.strip()
        if not text:
            raise SyncError("sync_not_configured")
        try:
            params = conninfo.conninfo_to_dict(text)
        except Exception as exc:  # psycopg.ProgrammingError: unparseable
            raise SyncError("sync_bad_url", url=_hide_password(text),
                            reason=str(exc).splitlines()[0]) from exc
        password = params.pop("password", None)
        if text.startswith(("postgresql://", "postgres://")):
            parts = urlsplit(text)
            host = parts.hostname or ""
            if ":" in host:
                host = f"[{host}]"
            user = f"{parts.username}@" if parts.username else ""
            port = f":{parts.port}" if parts.port else ""
            url = urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, parts.query, ""))
        else:
            url = conninfo.make_conninfo(**params)
        return cls(url), password

    @property
    def params(self) -> dict[str, Any]:
        from psycopg import conninfo

        return conninfo.conninfo_to_dict(self.url)

    @property
    def user(self) -> str:
        import getpass

        user = self.params.get("user")
        if user:
            return str(user)
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return ""

    @property
    def server(self) -> str:
        """Host, port and database, as messages name the server."""
        params = self.params
        host = params.get("host") or "localhost"
        port = params.get("port") or "5432"
        return f"{host}:{port}/{params.get('dbname') or self.user}"

    @property
    def keyring_name(self) -> str:
        return f"{self.user}@{self.server}"


def _hide_password(text: str) -> str:
    if "://" in text and "@" in text:
        head, _, tail = text.rpartition("@")
        scheme, _, auth = head.partition("://")
        return f"{scheme}://{auth.split(':', 1)[0]}@{tail}"
    return text


# ---------------------------------------------------------------- settings


def last_sync(library: Library) -> str | None:
    """When the last sync finished (ISO 8601, UTC), or ``None``."""
    return library.get_setting(LAST_SYNC_SETTING)


def older_waiting(library: Library) -> bool:
    """Whether a first pull left older articles on the server that were not fetched yet
    (:mod:`deskapp.sync.history`)."""
    import json

    try:
        state = json.loads(library.get_setting(OLDER_SETTING) or "null")
    except ValueError:
        return False
    return isinstance(state, dict) and bool(state.get("hi")) and not state.get("done")


def load_target(library: Library) -> SyncTarget | None:
    url = library.get_setting(URL_SETTING)
    return SyncTarget(url) if url else None


def save_target(library: Library, text: str, password: str | None = None) -> tuple[SyncTarget,
                                                                                   bool]:
    """Store the address (never its password); put a given password in the keyring.

    Returns the target and whether a password was kept in the keyring.
    """
    target, in_url = SyncTarget.parse(text)
    library.set_setting(URL_SETTING, target.url)
    secret = password if password is not None else in_url
    kept = store_password(target, secret) if secret else False
    return target, kept


# ---------------------------------------------------------------- keyring


def keyring_available() -> bool:
    """Whether a real keyring backend exists (not the failing or null placeholder)."""
    try:
        import keyring

        backend = keyring.get_keyring()
        if _placeholder(backend):
            from deskapp.sync.secret_tool import SecretToolKeyring

            if not SecretToolKeyring.viable():
                return False
            backend = SecretToolKeyring()
            keyring.set_keyring(backend)
    except Exception:
        return False
    try:
        return float(getattr(backend, "priority", 0)) > 0
    except Exception:
        return False


def _placeholder(backend: object) -> bool:
    """keyring's failing or null backend: what it falls back to when it finds no store."""
    from keyring.backends import fail

    return isinstance(backend, fail.Keyring) or type(backend).__module__.endswith(".null")


def stored_password(target: SyncTarget) -> str | None:
    if not keyring_available():
        return None
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, target.keyring_name)
    except Exception:
        return None


def store_password(target: SyncTarget, password: str) -> bool:
    """Keep ``password`` in the keyring; ``False`` if there is none (it is then forgotten)."""
    if not keyring_available():
        return False
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, target.keyring_name, password)
    except Exception:
        return False
    return True


def forget_password(target: SyncTarget) -> None:
    if not keyring_available():
        return
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, target.keyring_name)
    except Exception:
        return


# ---------------------------------------------------------------- connecting


def connect(target: SyncTarget, password: str | None = None) -> Any:
    """A psycopg connection (autocommit) to the server, or :class:`SyncError` saying why not.

    ``password`` falls back to the keyring, then to libpq's own sources.
    """
    psycopg = load_driver()

    secret = password if password is not None else stored_password(target)
    # No server-side prepared statements (prepare_threshold=None): the sync keeps no
    # session state, so it works through PgBouncer in transaction mode.
    extra: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT, **KEEPALIVES,
                             "application_name": "deskapp", "autocommit": True,
                             "prepare_threshold": None}
    if secret is not None:
        extra["password"] = secret
    try:
        return psycopg.connect(target.url, **extra)
    except psycopg.OperationalError as exc:
        raise connection_error(exc, target) from exc


def load_driver() -> Any:
    """psycopg, or :class:`SyncError` when it finds no libpq to drive.

    Installed from PyPI it brings its own libpq; the Linux bundle leaves that
    copy out and uses the system's (the ``libpq5`` package), so OpenSSL fixes
    arrive with the system's updates.
    """
    try:
        import psycopg
    except ImportError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "ImportError"
        raise SyncError("sync_driver_missing", reason=reason[:200]) from exc
    return psycopg


def connection_error(exc: BaseException, target: SyncTarget) -> SyncError:
    """The sentence for a failed connection: wrong password, no password, unreachable."""
    text = str(exc)
    lowered = text.lower()
    if "password authentication failed" in lowered or (
            "role" in lowered and "does not exist" in lowered):
        return SyncError("sync_auth_failed", user=target.user, server=target.server)
    if "no password supplied" in lowered or "password is required" in lowered:
        return SyncError("sync_password_needed", user=target.user, server=target.server)
    # SQLSTATE 53300: every connection slot is taken (the server is up, only busy)
    # (libpq gives no SQLSTATE for a refused start-up: the server's words are matched)
    if getattr(exc, "sqlstate", None) == "53300" or "too many clients" in lowered \
            or "too many connections" in lowered \
            or "remaining connection slots are reserved" in lowered:
        return SyncError("server_full", server=target.server)
    return SyncError("sync_unreachable", server=target.server,
                     reason=_connection_reason(text, exc)[:200])


def _connection_reason(text: str, exc: BaseException) -> str:
    """What libpq said went wrong, without its preamble and its indented hint.

    libpq writes ``connection failed: connection to server at "…", port 1
    failed: Connection refused`` then ``\tIs the server running…?`` on the next
    line: the cause is at the end of the first line, not on the last one.
    """
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    first = lines[0]
    cause = first.rsplit(" failed: ", 1)[-1].strip() if " failed: " in first else first
    return cause or first

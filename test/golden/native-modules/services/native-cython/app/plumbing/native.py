"""The call into the service's in-process module (docs/stub-contract.md, "In-process modules").
Generated: do not edit; the module's source is yours, in native/.
"""

from __future__ import annotations

import sys
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

KIND = "cython"
LANGUAGE = "cython"
NATIVE_DIR = Path(__file__).resolve().parents[2] / "native"

_fn: Callable[[bytes], int] | None = None
_lock = threading.Lock()


def _load() -> Callable[[bytes], int]:
    sys.path.insert(0, str(NATIVE_DIR))
    import hotpath  # type: ignore[import-not-found]

    return lambda data: int(hotpath.checksum(data.decode("utf-8")))


def checksum(data: bytes) -> int:
    """The module's checksum of the bytes (loaded on first use, once)."""
    global _fn
    with _lock:
        if _fn is None:
            _fn = _load()
    return _fn(data)


def call(service: str) -> dict[str, Any]:
    """Passes a fresh text to the module and reports what it answered, or why it failed."""
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    text = f"{service}@{now}"
    entry: dict[str, Any] = {"kind": KIND, "language": LANGUAGE, "input": text}
    try:
        return {**entry, "answer": checksum(text.encode("utf-8")), "ok": True}
    except Exception as exc:  # a module that fails to load is part of the answer, never a crash
        return {**entry, "answer": None, "ok": False, "error": f"{type(exc).__name__}: {exc}"}

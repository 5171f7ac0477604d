"""The typed exercise of the service contract (docs/stub-contract.md). Generated: do not edit.

/ping calls every RPC and endpoint of an outgoing link with the contract's deterministic sample
data, marked with the `polyglot-exercise: 1` header (gRPC metadata or HTTP header). The callee
checks that what arrived equals the sample and answers the sample response; the caller checks
the answer. A streaming side sends the sample twice. User handlers are never called for it.
"""

from __future__ import annotations

import json
from typing import Any, Callable

HEADER = "polyglot-exercise"
#: gRPC metadata of an exercise call.
METADATA = ((HEADER, "1"),)
#: HTTP headers of an exercise call.
HEADERS = {HEADER: "1"}


class Problem(Exception):
    """An error answer of a REST endpoint, sent as RFC 9457 application/problem+json."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail

    def body(self) -> dict[str, Any]:
        titles = {400: "Bad Request", 404: "Not Found", 422: "Unprocessable Content", 500: "Internal Server Error"}
        return {"type": "about:blank", "title": titles.get(self.status, "Error"), "status": self.status, "detail": self.detail}


def _short(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str)
    return text if len(text) <= 300 else text[:297] + "..."


def json_diff(expected: Any, got: Any) -> str | None:
    """None when two JSON values are equal (1 == 1.0), else what differs."""
    if expected == got:
        return None
    return f"expected {_short(expected)}, got {_short(got)}"


def pb_of(cls: Any, sample: Any) -> Any:
    """The protobuf message of a sample (its JSON form)."""
    from google.protobuf import json_format

    return json_format.ParseDict(sample, cls())


def _pb_json(msg: Any) -> Any:
    from google.protobuf import json_format

    return json_format.MessageToDict(msg, preserving_proto_field_name=True)


def pb_diff(expected: Any, got: Any) -> str | None:
    """None when two protobuf messages are equal, else what differs."""
    if expected == got:
        return None
    return f"expected {_short(_pb_json(expected))}, got {_short(_pb_json(got))}"


def stream_diff(expected: Any, got: list[Any]) -> str | None:
    """None when a stream carried the sample exactly twice."""
    if len(got) != 2:
        return f"expected the sample twice, got {len(got)} message(s)"
    return pb_diff(expected, got[0]) or pb_diff(expected, got[1])


def _error(exc: Exception) -> str:
    code = getattr(exc, "code", None)
    details = getattr(exc, "details", None)
    if callable(code) and callable(details):  # grpc.RpcError
        return f"{code().name}: {details()}"
    response = getattr(exc, "response", None)
    if response is not None and hasattr(response, "status_code"):  # httpx.HTTPStatusError
        return f"HTTP {response.status_code}: {_short(response.text)}"
    return f"{type(exc).__name__}: {exc}"


def method(name: str, run: Callable[[], str | None]) -> dict[str, Any]:
    """Runs one exercise call: a `methods` entry of the /ping tree."""
    try:
        problem = run()
    except Exception as exc:  # a failed call is part of the answer
        problem = _error(exc)
    return {"name": name, "ok": True} if problem is None else {"name": name, "ok": False, "error": problem}


def rest_answer(resp: Any, status: int, check: Callable[[Any], str | None] | None) -> str | None:
    """Checks an exercise call's REST answer: an error raises httpx.HTTPStatusError, a success
    status other than the declared one is a mismatch, then `check` compares the body."""
    resp.raise_for_status()
    if resp.status_code != status:
        return f"expected HTTP {status}, got HTTP {resp.status_code}"
    return None if check is None else check(resp)


def grpc_requested(context: Any) -> bool:
    """Whether a gRPC call is an exercise call."""
    return any(key == HEADER for key, _ in context.invocation_metadata() or ())


def grpc_check(context: Any, name: str, expected: Any, got: Any) -> None:
    """Aborts an exercise call with INVALID_ARGUMENT when its request is not the sample."""
    problem = pb_diff(expected, got)
    if problem is not None:
        import grpc

        context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"{name}: the request differs from the sample: {problem}")


def grpc_check_stream(context: Any, name: str, expected: Any, got: list[Any]) -> None:
    """Aborts an exercise call whose request stream is not the sample twice."""
    problem = stream_diff(expected, got)
    if problem is not None:
        import grpc

        context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"{name}: the request stream differs from the sample: {problem}")

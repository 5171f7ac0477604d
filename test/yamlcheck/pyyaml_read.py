"""Reads YAML files as Python programs do (PyYAML's safe loader, YAML 1.1) and prints what each
holds as JSON, for the tests to compare with what the writer meant.

Input on stdin: a JSON array of {"name", "text"}. Output: a JSON array of {"name", "reader",
"docs"} or {"name", "reader", "error"}. A value JSON cannot hold unchanged (a key that is not a
string, a date, NaN) is an error naming it.
"""
import json
import math
import sys

import yaml


def plain(v, at):
    if v is None or isinstance(v, (str, bool, int)):
        return v
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            raise ValueError(f"{at or 'the document'}: the float {v}")
        return v
    if isinstance(v, list):
        return [plain(x, f"{at}[{i}]") for i, x in enumerate(v)]
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str):
                raise ValueError(f"{at or 'the document'}: the map key {k!r} is a {type(k).__name__}, not a string")
            out[k] = plain(x, f"{at}.{k}")
        return out
    raise ValueError(f"{at or 'the document'}: a {type(v).__name__} ({v!r})")


def main():
    files = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    out = []
    for f in files:
        r = {"name": f["name"], "reader": "PyYAML"}
        try:
            r["docs"] = [plain(d, "") for d in yaml.load_all(f["text"], Loader=yaml.SafeLoader)]
        except Exception as e:  # any failure to read is the answer
            r["error"] = f"{type(e).__name__}: {e}".splitlines()[0]
        out.append(r)
    sys.stdout.write(json.dumps(out))


if __name__ == "__main__":
    main()

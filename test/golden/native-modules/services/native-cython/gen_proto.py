"""Generates the gRPC code of every .proto under proto/ into protogen/ (a build step).

The Dockerfile and a native build both run `python gen_proto.py` after installing
requirements.txt. The proto root is mapped to the package `protogen`, so the generated modules
import each other as `protogen.<package path>` and can never shadow another package: the files
are staged under protogen/ with their imports of each other prefixed the same way (proto/ itself
stays as the project has it).
"""

from __future__ import annotations

import os
import pathlib
import re
import sys
import tempfile

_IMPORT = re.compile(r'^(\s*import\s+(?:public\s+|weak\s+)?")([^"]+)(";)', re.M)


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent
    source = root / "proto"
    protos = sorted(p.relative_to(source).as_posix() for p in source.rglob("*.proto"))
    if not protos:
        print("gen_proto: no .proto files, nothing to generate")
        return 0
    import grpc_tools
    from grpc_tools import protoc

    well_known = pathlib.Path(grpc_tools.__file__).resolve().parent / "_proto"
    with tempfile.TemporaryDirectory() as tmp:
        for rel in protos:
            text = (source / rel).read_text(encoding="utf-8")
            text = _IMPORT.sub(
                lambda m: m.group(1) + ("protogen/" if (source / m.group(2)).is_file() else "") + m.group(2) + m.group(3),
                text,
            )
            staged = pathlib.Path(tmp) / "protogen" / rel
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_text(text, encoding="utf-8")
        args = ["grpc_tools.protoc", f"-I{tmp}", f"-I{well_known}", "--python_out=.", "--grpc_python_out=.",
                *[f"protogen/{rel}" for rel in protos]]
        os.chdir(root)
        code = protoc.main(args)
    if code != 0:
        print(f"gen_proto: protoc failed with exit code {code}", file=sys.stderr)
        return int(code)
    print(f"gen_proto: generated {len(protos)} file(s) into protogen/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Generates the gRPC code of every .proto under proto/ into protogen/ (a build step).

The Dockerfile and a native build both run `python gen_proto.py` after installing
requirements.txt. The proto root is mapped to the package `protogen`, so the generated modules
import each other as `protogen.<project>.<service>.v1` and can never shadow another package.
"""

from __future__ import annotations

import pathlib
import sys


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent
    protos = sorted(p.relative_to(root).as_posix() for p in (root / "proto").rglob("*.proto"))
    if not protos:
        print("gen_proto: no .proto files, nothing to generate")
        return 0
    import grpc_tools
    from grpc_tools import protoc

    well_known = pathlib.Path(grpc_tools.__file__).resolve().parent / "_proto"
    args = ["grpc_tools.protoc", "-Iprotogen=proto", f"-I{well_known}", "--python_out=.", "--grpc_python_out=.", *protos]
    import os

    os.chdir(root)
    code = protoc.main(args)
    if code != 0:
        print(f"gen_proto: protoc failed with exit code {code}", file=sys.stderr)
        return int(code)
    print(f"gen_proto: generated {len(protos)} file(s) into protogen/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

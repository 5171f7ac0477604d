"""Flask's hello world, served as the stub is: waitress with 16 threads."""

import os

from flask import Flask, jsonify
from waitress import serve

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return jsonify(status="ok")


if __name__ == "__main__":
    serve(app, host="0.0.0.0", port=int(os.environ["PORT"]), threads=16)

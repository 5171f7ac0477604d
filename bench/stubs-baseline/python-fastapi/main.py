"""FastAPI's hello world, served as the stub is: uvicorn.run with its defaults (log level info)."""

import os

import uvicorn
from fastapi import FastAPI

app = FastAPI()


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


if __name__ == "__main__":
    uvicorn.run("main:app", host="0.0.0.0", port=int(os.environ["PORT"]), log_level="info")

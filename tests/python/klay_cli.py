"""Runs the `klay` binary (built by `make test` or `swift build --product klay`) over raw transactions."""

import json
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
KLAY = REPO / ".build" / "debug" / "klay"


def klay_decode(raws, *args):
    """Runs one `klay tx decode [args] -` over `raws` (bytes or hex strings) fed on stdin, one per line;
    returns one parsed JSON object per input line, in order."""
    if not KLAY.exists():
        pytest.fail(f"{KLAY} is missing: build it first (`swift build --product klay`, or `make test`)")
    lines = [r if isinstance(r, str) else "0x" + bytes(r).hex() for r in raws]
    result = subprocess.run(
        [str(KLAY), "tx", "decode", *args, "-"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert len(out) == len(lines), f"{len(lines)} inputs but {len(out)} output lines\n{result.stderr}"
    return [json.loads(line) for line in out]

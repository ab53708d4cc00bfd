"""A writer that is killed at random moments, to prove the notes file survives (see test_torture)."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.store.annotation import Annotation, Target

TOTAL_OPS = 1000
PROGRESS_ID = "urn:uuid:00000000-0000-0000-0000-000000000000"
_TEXT = "A claim worth checking. Another claim here."
_STAMP = "2026-01-01T00:00:00.000+00:00"

Op = tuple[list[Annotation], list[str]]
State = dict[str, str]


def _annotation(identifier: str, note: str) -> Annotation:
    target = Target.from_span("doc", _TEXT, 0, 23)
    return Annotation(target, "corroborated", note, (), identifier, _STAMP, _STAMP)


def plan(total: int = TOTAL_OPS, seed: int = 5) -> tuple[list[Op], list[State]]:
    """A fixed mix of inserts, updates and deletes, and the state after each operation."""
    rng = random.Random(seed)
    state: State = {}
    ops: list[Op] = []
    states: list[State] = []
    for k in range(total):
        live = [i for i in state if i != PROGRESS_ID]
        roll = rng.random()
        saves: list[Annotation] = []
        deletes: list[str] = []
        if live and roll < 0.2:
            victim = rng.choice(live)
            deletes.append(victim)
            del state[victim]
        elif live and roll < 0.5:
            chosen = rng.choice(live)
            note = f"updated by {k} " + "x" * rng.randrange(200)
            saves.append(_annotation(chosen, note))
            state[chosen] = note
        else:
            identifier = f"urn:uuid:00000000-0000-0000-0000-{k:012d}"
            note = f"inserted by {k} ✓ [markup] " + "y" * rng.randrange(200)
            saves.append(_annotation(identifier, note))
            state[identifier] = note
        saves.append(_annotation(PROGRESS_ID, str(k)))
        state[PROGRESS_ID] = str(k)
        ops.append((saves, deletes))
        states.append(dict(state))
    return ops, states


def run_writer(kind: str, path: str, start: int, acks: str, ready: Any) -> None:
    """Apply operations from ``start`` on, appending each acknowledged index to ``acks``.

    ``ready`` is set once the plan is made, just before the file is opened: the kill window
    starts there, so a slow start (a loaded machine, a large parent to fork from) cannot use
    it all up, and kills still land while the store opens and recovers."""
    ops, _ = plan()
    from reader.store.notes import NotesStore

    ready.set()
    ack = os.open(acks, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    if kind == "atomic":
        store = NotesStore(path)
        for k in range(start, len(ops)):
            saves, deletes = ops[k]
            store.commit(saves, deletes).result()
            os.write(ack, f"{k}\n".encode())
    else:
        from tinydb import TinyDB

        db = TinyDB(path)  # stock JSONStorage
        for k in range(start, len(ops)):
            data: dict[str, Any] = db.storage.read() or {}
            table = data.setdefault("annotations", {})
            saves, deletes = ops[k]
            for item in saves:
                table[item.id] = item.to_dict()
            for identifier in deletes:
                table.pop(identifier, None)
            db.storage.write(data)
            os.write(ack, f"{k}\n".encode())


@dataclass
class TortureReport:
    """What the harness saw: kills, writes acknowledged, and every bad file state."""

    kills: int = 0
    acknowledged: int = 0
    failures: list[str] = field(default_factory=list)


def _state_on_disk(path: Path) -> State | None:
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)  # raises on a half-written file
    return {i: r["note"] for i, r in data.get("annotations", {}).items()}


def torture(
    folder: Path,
    kind: str,
    kills: int = 200,
    writes: int = TOTAL_OPS,
    seed: int = 11,
    window: float = 0.1,
) -> TortureReport:
    """SIGKILL the writer at random moments until ``kills`` kills and ``writes`` acknowledged
    writes, checking after each kill that the file parses and holds the acknowledged state."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.support.torture", "reader.store.notes", "tinydb"])
    rng = random.Random(seed)
    _, states = plan()
    report = TortureReport()
    path, acks = folder / "notes.json", folder / "acks.txt"
    start = 0
    observed = -1  # the last operation seen on disk: an in-flight write that landed counts too
    finished = 0  # operations acknowledged in earlier rounds
    lives = 0
    ready = context.Event()
    while (report.kills < kills or report.acknowledged < writes) and lives < 20 * kills:
        lives += 1
        ready.clear()
        child = context.Process(target=run_writer, args=(kind, str(path), start, str(acks), ready))
        child.start()
        ready.wait(timeout=30)
        time.sleep(rng.uniform(0.0, window))
        if child.is_alive():
            child.kill()
            report.kills += 1
        child.join()
        lines = acks.read_text(encoding="utf-8").split("\n") if acks.exists() else []
        done = [int(line) for line in lines[:-1]]  # the last piece may be a half-written line
        last = max([*done, observed])
        report.acknowledged = finished + len(done)
        try:
            state = _state_on_disk(path)
        except (ValueError, UnicodeDecodeError) as error:
            report.failures.append(f"kill {report.kills}: file does not parse ({error})")
            break
        allowed = [states[last] if last >= 0 else {}]
        if last + 1 < len(states):
            allowed.append(states[last + 1])
        if state not in allowed:
            progress = state.get(PROGRESS_ID) if state else None
            report.failures.append(
                f"kill {report.kills}: file at op {progress} differs from op {last} or {last + 1}"
            )
            break
        observed = int(state[PROGRESS_ID]) if state else -1
        start = observed + 1
        if start >= len(states):  # a round finished: start another on a fresh file
            finished += len(done)
            path.unlink()
            acks.unlink()
            start, observed = 0, -1
    return report

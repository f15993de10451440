"""`python -m kolac run`: execute chapter notebooks with Papermill, in parallel, skipping the
ones whose inputs are unchanged, writing outputs atomically under a lock.

Layout under the output root (default outputs/):
    <chapter>/                    one folder per chapter, promoted as one unit (a single rename):
        <nb>.ipynb                the executed, normalized notebook
        figures/, tables/         its exhibits and the data behind them
        exhibits.json             its exhibit records
        state.json                input fingerprint and sha256 of every file (for skipping)
        <file>                    data files the notebook writes (errata/errata.csv)
    errata.csv                    copy of errata/errata.csv (a chapter's `publishes`), at the root
    manifest.json                 every exhibit, rebuilt from the chapters' exhibits.json on disk
    failed/<nb>.ipynb             the executed notebook of a failed run (outputs left untouched)
A run killed at any point leaves each chapter folder either the old one or the new one, never a
mixture; a chapter folder without its state is not fresh, so the next run redoes it.
"""
import hashlib
import json
import os
import shutil
import sys
import signal
import threading
import time
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from ._version import __version__
from .catalog import broken, catalog
from .chapters import REGISTRY, get
from .params import ParameterError
from .notebook import code_fingerprint
from .paths import DATA, NOTEBOOKS, ROOT, output_root, rel

LIB = Path(__file__).resolve().parent


@dataclass
class Task:
    chapter: str
    given: dict                      # parameters as the user gave them (injected by papermill)
    params: dict = field(default_factory=dict)  # validated full set
    root: Path = None                # final output root
    key: str = ""


def split_params(chapters, given: dict) -> dict:
    """Give each chapter the parameters it declares; a parameter no chapter declares is an error."""
    per = {c: {} for c in chapters}
    for name, value in given.items():
        takers = [c for c in chapters if any(p.name == name for p in get(c).spec)]
        if not takers:
            allowed = sorted({p.name for c in chapters for p in get(c).spec})
            raise ParameterError(f"unknown parameter {name!r} for chapter(s) {', '.join(chapters)}; allowed: {', '.join(allowed)}")
        for c in takers:
            per[c][name] = value
    return per


def _hash_files(h, paths):
    for p in sorted(paths):
        h.update(rel(p).encode())
        h.update(p.read_bytes())


def fingerprint(task: Task) -> str:
    """Content hash of everything a chapter's results depend on."""
    chapter = get(task.chapter)
    nb = chapter.notebook
    h = hashlib.sha256()
    h.update(code_fingerprint(notebook_path(task.chapter)).encode())
    used = [m for m in catalog().values() if chapter.reads_all_data or nb in (m.get("used_by") or [])]
    _hash_files(h, [m["_csv"] for m in used] + [m["_sidecar"] for m in used])
    _hash_files(h, [DATA / "corrections.yaml", DATA / "claims.csv", DATA / "sources.yaml", DATA / "source_figures.yaml"]
                + ([DATA / "errata.yaml"] if chapter.reads_all_data else []))
    _hash_files(h, [p for p in LIB.rglob("*") if p.suffix in (".py", ".yaml")])
    _hash_files(h, [ROOT / "requirements-lock.txt"])
    h.update(json.dumps(task.params, sort_keys=True).encode())
    h.update(sys.version.encode())
    return h.hexdigest()


def _state_path(root: Path, chapter: str) -> Path:
    return root / chapter / "state.json"


def is_fresh(task: Task) -> bool:
    p = _state_path(task.root, task.chapter)
    if not p.exists():
        return False
    state = json.loads(p.read_text())
    if state.get("key") != task.key:
        return False
    files = state.get("files", {})
    # fresh means the files on record are there with the content on record, not merely that they exist
    return isinstance(files, dict) and all(_digest(task.root / f) == sha for f, sha in files.items())


def _digest(path: Path):
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def verify(root: Path) -> list:
    """Problems of an output root against its manifest and state files: a file missing or changed
    since the run that wrote it. Empty when everything is as recorded."""
    root = Path(root)
    problems = []
    manifest = root / "manifest.json"
    if not manifest.exists():
        return [f"{rel(manifest)}: no manifest (nothing has been run into {rel(root)})"]
    for e in json.loads(manifest.read_text(encoding="utf-8"))["exhibits"]:
        for f in e["files"]:
            d = _digest(root / f["path"])
            if d != f["sha256"]:
                problems.append(f"{f['path']} ({e['id']}): " + ("missing" if d is None else "changed since the run"))
    for state in sorted(root.glob("*/state.json")):
        for f, sha in json.loads(state.read_text()).get("files", {}).items():
            if f.endswith(".ipynb") and _digest(root / f) != sha:
                problems.append(f"{f}: " + ("missing" if _digest(root / f) is None else "changed since the run"))
    return problems


def notebook_path(chapter: str) -> Path:
    return NOTEBOOKS / f"{get(chapter).notebook}.ipynb"


def _die_with_parent():
    """Linux: this process gets SIGKILL when the runner dies, however it dies (even SIGKILL). The
    kernel it starts exits on its own once its parent is gone (ipykernel watches its parent)."""
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _worker(tasks, cell_timeout) -> None:
    """A worker process: take (source, given, staging) from `tasks` until None, execute each
    notebook, leave the result in <staging>/result.json (and its pid in <staging>/worker.pid, so
    that the runner knows whose chapter fails if this process dies). Reused across chapters:
    papermill is imported once per worker, not once per notebook."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the runner's to handle
    for source, given, staging in iter(tasks.get, None):
        (Path(staging) / "worker.pid").write_text(str(os.getpid()))
        res = _execute(source, given, staging, cell_timeout)
        tmp = Path(staging) / "result.json.tmp"
        tmp.write_text(json.dumps(res))
        os.replace(tmp, Path(staging) / "result.json")


def _execute(source: str, given: dict, staging: str, cell_timeout=None) -> dict:
    """Execute one notebook into `staging` (in a worker process)."""
    os.environ["KOLAC_STAGING"] = staging
    # The kernel inherits this process's stderr: send its chatter to a log kept with a failed run.
    log = open(Path(staging) / "kernel.log", "w", encoding="utf-8")
    os.dup2(log.fileno(), 2)
    import papermill as pm

    out = Path(staging) / "notebooks" / Path(source).name
    out.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    try:
        pm.execute_notebook(source, str(out), parameters=given, cwd=str(NOTEBOOKS), kernel_name="python3",
                            progress_bar=False, log_output=False, execution_timeout=cell_timeout)
    except pm.PapermillExecutionError as exc:
        return {"ok": False, "seconds": time.perf_counter() - t0, "cell": exc.exec_count, "source": exc.source,
                "error": f"{exc.ename}: {exc.evalue}"}
    except Exception as exc:  # kernel died, notebook unreadable, ...
        return {"ok": False, "seconds": time.perf_counter() - t0, "cell": None, "source": "", "error": f"{type(exc).__name__}: {exc}"}
    return {"ok": True, "seconds": time.perf_counter() - t0}


def _last_seconds(task: Task) -> float:
    """How long the chapter took last time (0 if unknown): the longest go first, for a balanced pool."""
    p = _state_path(task.root, task.chapter)
    try:
        return float(json.loads(p.read_text()).get("seconds", 0.0))
    except (OSError, ValueError):
        return 0.0


def _promote(task: Task, staging: Path, seconds: float) -> list:
    """Move a good run into place as one unit: the chapter's folder is assembled in staging,
    complete with its records and state, and swapped in by renames; then the manifest is rebuilt
    from what is on disk."""
    from .notebook import normalize, write
    import nbformat

    root, ch, nb = task.root, task.chapter, get(task.chapter).notebook
    unit = staging / "unit"
    unit.mkdir()
    executed = staging / "notebooks" / f"{nb}.ipynb"
    write(normalize(nbformat.read(executed, as_version=4)), unit / f"{nb}.ipynb")
    for sub in ("figures", "tables"):
        src = staging / sub / ch
        src.mkdir(parents=True, exist_ok=True)
        os.replace(src, unit / sub)
    files_dir = staging / "files" / ch  # data files a notebook writes beside its exhibits (ChapterRun.write_file)
    if files_dir.exists():
        for f in sorted(files_dir.iterdir()):
            os.replace(f, unit / f.name)
    records_file = staging / "exhibits" / f"{ch}.json"
    records = json.loads(records_file.read_text()) if records_file.exists() else []
    for r in records:  # the kernel wrote figures/<chapter>/x; in the unit they are <chapter>/figures/x
        for f in r["files"]:
            kind, _, name = f["path"].split("/", 2)
            f["path"] = f"{ch}/{kind}/{name}"
        r["notebook_output"] = f"{ch}/{nb}.ipynb"
    (unit / "exhibits.json").write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    files = {f"{ch}/{q.relative_to(unit).as_posix()}": _digest(q) for q in sorted(unit.rglob("*"))
             if q.is_file() and q.name != "exhibits.json"}
    (unit / "state.json").write_text(json.dumps({"key": task.key, "files": files, "seconds": round(seconds, 1)}, indent=1) + "\n")
    trash = root / ".trash" / f"{ch}-{os.getpid()}"
    shutil.rmtree(trash, ignore_errors=True)
    trash.parent.mkdir(parents=True, exist_ok=True)
    if (root / ch).exists():
        os.replace(root / ch, trash)
    os.replace(unit, root / ch)
    shutil.rmtree(trash, ignore_errors=True)
    for stale in (root / "failed" / f"{nb}.ipynb", root / "failed" / f"{nb}.log"):  # an earlier failure, now superseded
        stale.unlink(missing_ok=True)
    rebuild_manifest(root)
    return records


def _write_if_changed(path: Path, text: str):
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return  # unchanged: nothing to write (a read-only output root stays usable)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def rebuild_manifest(root: Path):
    """manifest.json from the chapter folders on disk (registry order), written atomically, and
    the files chapters publish at the root (outputs/errata.csv) copied from their folders."""
    for ch in REGISTRY:
        for name in get(ch).publishes:
            if (root / ch / name).exists() and (root / ch / "state.json").exists():
                _write_if_changed(root / name, (root / ch / name).read_text(encoding="utf-8"))
    exhibits = []
    for ch in REGISTRY:
        f = root / ch / "exhibits.json"
        if f.exists() and (root / ch / "state.json").exists():
            exhibits += json.loads(f.read_text(encoding="utf-8"))
    text = json.dumps({"compendium": "kolac", "version": __version__, "exhibits": exhibits}, indent=2, ensure_ascii=False) + "\n"
    _write_if_changed(root / "manifest.json", text)


def _fail(task: Task, staging: Path, res: dict):
    nb = get(task.chapter).notebook
    failed = task.root / "failed"
    failed.mkdir(parents=True, exist_ok=True)
    executed = staging / "notebooks" / f"{nb}.ipynb"
    if executed.exists():
        os.replace(executed, failed / f"{nb}.ipynb")
    if (staging / "kernel.log").exists():
        os.replace(staging / "kernel.log", failed / f"{nb}.log")
    print(f"\n[{task.chapter}] FAILED in cell {res.get('cell')}: {res['error']}", file=sys.stderr)
    if res.get("source"):
        print("---- failing cell ----\n" + res["source"] + "\n----------------------", file=sys.stderr)
    print(f"[{task.chapter}] executed notebook kept at {rel(failed / f'{nb}.ipynb')} (kernel log: {nb}.log); "
          "previous outputs untouched",
          file=sys.stderr)


CELL_TIMEOUT = 600  # seconds a notebook cell may run (the longest takes about 2 s here)
LOCK_TIMEOUT = 900  # seconds to wait for another run holding the output root's lock


class RunInterrupted(Exception):
    pass


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _holder(lock_path: Path) -> str:
    try:
        h = json.loads(Path(str(lock_path) + ".holder").read_text())
        return f"pid {h['pid']} since {h['since']}"
    except (OSError, ValueError, KeyError):
        return "another run"


def _run_pool(todo, jobs, say, status, cell_timeout):
    """Run the tasks in at most `jobs` worker processes; a worker that dies fails its chapter only.
    Ctrl-C or SIGTERM stops every worker (and so its kernel) and raises RunInterrupted."""
    ctx = get_context("spawn")  # workers are the runner's own children: they die with it (see _die_with_parent)
    tasks = ctx.Queue()
    pending = {}
    for t in todo:
        staging = t.root / ".staging" / t.chapter
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        pending[t.chapter] = (t, staging, time.perf_counter())
        tasks.put((str(notebook_path(t.chapter)), t.given, str(staging)))
    workers = []

    def start_worker():
        w = ctx.Process(target=_worker, args=(tasks, cell_timeout), daemon=False)
        w.start()
        workers.append(w)

    def finish(chapter, res):
        t, staging, _ = pending.pop(chapter)
        if res["ok"]:
            recs = _promote(t, staging, res["seconds"])
            status[t.chapter] = ("ok", res["seconds"])
            say(f"[{t.chapter}] ok in {res['seconds']:.1f} s, {len(recs)} exhibit(s)")
        else:
            _fail(t, staging, res)
            status[t.chapter] = ("FAILED", res["seconds"])
        shutil.rmtree(staging, ignore_errors=True)

    try:
        for _ in range(jobs):
            start_worker()
        while pending:
            for chapter, (t, staging, t0) in list(pending.items()):
                if (staging / "result.json").exists():
                    finish(chapter, json.loads((staging / "result.json").read_text()))
            for w in [w for w in workers if w.exitcode is not None]:  # died: killed, out of memory, ...
                workers.remove(w)
                for chapter, (t, staging, t0) in list(pending.items()):
                    pid = (staging / "worker.pid").read_text() if (staging / "worker.pid").exists() else ""
                    if pid == str(w.pid) and not (staging / "result.json").exists():
                        finish(chapter, {"ok": False, "seconds": time.perf_counter() - t0, "cell": None, "source": "",
                                         "error": f"worker process died (exit code {w.exitcode})"})
                if pending:
                    start_worker()  # the chapters still queued get a new worker
            time.sleep(0.05)
        for _ in workers:
            tasks.put(None)
        for w in workers:
            w.join()
    except KeyboardInterrupt:
        for w in workers:
            w.kill()
        for w in workers:
            w.join()
        for t, staging, _ in pending.values():
            shutil.rmtree(staging, ignore_errors=True)
        raise RunInterrupted(", ".join(pending) or "nothing") from None


def run(chapters=None, given=None, jobs=None, force=False, quiet=False, root=None,
        cell_timeout=CELL_TIMEOUT, lock_timeout=LOCK_TIMEOUT) -> int:
    """Execute `chapters` (default: all) with the parameters `given`. `root` overrides the output
    root without injecting `output_dir` into the notebooks (the tests and `kolac golden` use it, so
    that their executed notebooks are comparable byte for byte with the committed references)."""
    from filelock import FileLock, Timeout

    chapters = list(chapters or REGISTRY)
    for c in chapters:
        get(c)  # unknown chapter: ParameterError naming the known ones
    per = split_params(chapters, given or {})
    tasks = []
    for c in chapters:  # validate everything before any kernel starts
        params = get(c).validate(per[c])
        tasks.append(Task(c, {k: params[k] for k in per[c]}, params, Path(root) if root else output_root(params["output_dir"])))
    roots = {t.root for t in tasks}
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    t_start = time.perf_counter()
    status = {}
    for r in roots:
        try:
            r.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ParameterError(f"output root {r}: cannot be created ({exc.strerror})") from None
    read_only = [r for r in roots if not os.access(r, os.W_OK)]
    if read_only:  # fine if nothing needs rerunning: report and leave it as it is
        for t in tasks:
            t.key = fingerprint(t)
        stale = [t.chapter for t in tasks if force or not is_fresh(t)]
        if stale:
            raise ParameterError(f"output root {read_only[0]} is read-only and {', '.join(stale)} must be rerun")
        say("\n".join(f"{t.chapter:<14} up to date" for t in tasks) + f"\n(read-only {', '.join(rel(r) for r in read_only)})")
        return 0
    locks = [FileLock(str(r / ".kolac.lock")) for r in sorted(roots)]
    for lock in locks:
        try:
            lock.acquire(timeout=min(0.2, lock_timeout))
        except Timeout:
            say(f"{_holder(lock.lock_file)} holds {lock.lock_file}; waiting up to {lock_timeout} s…")
            try:
                lock.acquire(timeout=lock_timeout)
            except Timeout:
                for held in locks:
                    if held.is_locked:
                        held.release()
                raise ParameterError(f"{lock.lock_file} is still held by {_holder(lock.lock_file)} after {lock_timeout} s; "
                                     "wait for that run to end, or raise --lock-timeout") from None
        Path(str(lock.lock_file) + ".holder").write_text(json.dumps({"pid": os.getpid(), "since": time.strftime("%Y-%m-%d %H:%M:%S")}))
    previous = None
    if threading.current_thread() is threading.main_thread():  # SIGTERM ends the run like Ctrl-C
        previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        todo = []
        bad = broken()
        for t in tasks:
            mine = [str(e) for stem, e in bad.items() if (DATA / get(t.chapter).data_dir / f"{stem}.meta.yaml").exists()]
            if mine:
                print(f"[{t.chapter}] FAILED before running: " + "; ".join(mine), file=sys.stderr)
                status[t.chapter] = ("FAILED", 0.0)
                continue
            t.key = fingerprint(t)
            if not force and is_fresh(t):
                status[t.chapter] = ("up to date", 0.0)
            else:
                todo.append(t)
        if todo:
            # longest first (last run's time; else the amount of code) so the pool ends together
            todo.sort(key=lambda t: (_last_seconds(t), len(code_fingerprint(notebook_path(t.chapter)))), reverse=True)
            jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
            say(f"running {len(todo)} notebook(s) with {jobs} worker(s): {', '.join(t.chapter for t in todo)}")
            _run_pool(todo, jobs, say, status, cell_timeout)
            shutil.rmtree(todo[0].root / ".staging", ignore_errors=True)
        for r in roots:  # also after a no-op run: the manifest always says what is on disk
            if (r / "manifest.json").exists() or any((r / c / "state.json").exists() for c in REGISTRY):
                rebuild_manifest(r)
    except RunInterrupted as exc:
        print(f"\ninterrupted: stopped {exc}; outputs untouched", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        for lock in locks:
            lock.release()
    wall = time.perf_counter() - t_start
    say("\nchapter        status       seconds")
    for c in chapters:
        s, sec = status[c]
        say(f"{c:<14} {s:<12} {sec:7.1f}")
    say(f"wall time {wall:.1f} s; outputs in {', '.join(rel(r) for r in sorted(roots))}")
    return 1 if any(s == "FAILED" for s, _ in status.values()) else 0

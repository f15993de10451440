"""Command line: python -m kolac {run,refresh,params,package,bench,check-sources}."""
import argparse
import sys

from .chapters import REGISTRY


def _params_from(args) -> dict:
    from .params import ParameterError

    given = {}
    if args.file:
        import yaml

        try:
            with open(args.file, encoding="utf-8") as fh:
                data = yaml.safe_load(fh) or {}
        except OSError as exc:
            raise ParameterError(f"parameter file {args.file}: {exc.strerror}") from None
        except yaml.YAMLError as exc:
            raise ParameterError(f"parameter file {args.file} is not valid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise ParameterError(f"parameter file {args.file}: expected a mapping of parameter names to values")
        given.update(data)
    for name, value in args.param or []:
        given[name] = value
    return given


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kolac", description="Korea–LAC research compendium")
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="execute chapter notebooks into outputs/")
    r.add_argument("chapters", nargs="*", metavar="CHAPTER", help=f"any of {', '.join(REGISTRY)} (default: all)")
    r.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"))
    r.add_argument("-f", "--file", help="YAML file of parameters")
    r.add_argument("-j", "--jobs", type=int, help="parallel notebooks (default: number of cores)")
    r.add_argument("--force", action="store_true", help="rerun even when inputs are unchanged")
    sub.add_parser("refresh", help="rebuild notebooks/*.ipynb from the .py pairs, execute, store as references")
    pp = sub.add_parser("params", help="list a chapter's parameters")
    pp.add_argument("chapter", choices=list(REGISTRY))
    sub.add_parser("chapters", help="list the chapters: key, notebook, title")
    sub.add_parser("package", help="update sha256 in the sidecars and regenerate data/datapackage.json")
    sub.add_parser("golden", help="regenerate tests/golden/ (claim statuses, exhibit checksums) for review")
    b = sub.add_parser("bench", help="cold run vs a sequential papermill loop, and a no-op rerun")
    b.add_argument("-j", "--jobs", type=int)
    args = ap.parse_args(argv)

    from .params import ParameterError

    try:
        if args.cmd == "run":
            from .runner import run

            if args.jobs is not None and args.jobs < 1:
                raise ParameterError(f"-j/--jobs must be at least 1, got {args.jobs}")
            return run(args.chapters, _params_from(args), jobs=args.jobs, force=args.force)
        if args.cmd == "params":
            print(REGISTRY[args.chapter].help_text())
            return 0
        if args.cmd == "chapters":
            for c in REGISTRY.values():
                print(f"{c.number}  {c.key:<12} notebooks/{c.notebook}.ipynb  {c.title['en']}")
            return 0
        if args.cmd == "package":
            from .catalog import update_checksums, write_datapackage

            changed = update_checksums()
            path = write_datapackage()
            print(f"sha256 updated for: {', '.join(changed) or 'none'}; wrote {path.name}")
            return 0
        if args.cmd == "golden":
            from .golden import write_golden

            return write_golden()
        if args.cmd == "refresh":
            from .refresh import refresh

            return refresh()
        if args.cmd == "bench":
            from .bench import bench

            return bench(jobs=args.jobs)
    except ParameterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0

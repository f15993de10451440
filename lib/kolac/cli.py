"""Command line: python -m kolac {run,verify,refresh,params,chapters,package,golden,bench,sources,readme}."""
import argparse
import sys

from .chapters import REGISTRY


def _unique_key_loader():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader, node):
        keys = [loader.construct_object(k) for k, _ in node.value]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise yaml.constructor.ConstructorError(None, None, f"parameter(s) {', '.join(map(str, twice))} given twice",
                                                    node.start_mark)
        return loader.construct_mapping(node)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return Loader


def _params_from(args) -> dict:
    from .params import ParameterError

    given = {}
    if args.file:
        import yaml

        try:
            with open(args.file, encoding="utf-8") as fh:
                data = yaml.load(fh, Loader=_unique_key_loader()) or {}
        except OSError as exc:
            raise ParameterError(f"parameter file {args.file}: {exc.strerror}") from None
        except UnicodeDecodeError as exc:
            raise ParameterError(f"parameter file {args.file} is not UTF-8 text (byte {exc.start})") from None
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
    r.add_argument("--cell-timeout", type=int, default=None, help="seconds a cell may run (default 600)")
    r.add_argument("--lock-timeout", type=int, default=None, help="seconds to wait for another run's lock (default 900)")
    v = sub.add_parser("verify", help="check an output root against its manifest (files missing or changed)")
    v.add_argument("--output-dir", default="outputs", help="the output root (default: outputs)")
    sub.add_parser("refresh", help="rebuild notebooks/*.ipynb from the .py pairs, execute, store as references")
    pp = sub.add_parser("params", help="list a chapter's parameters")
    pp.add_argument("chapter", choices=list(REGISTRY))
    sub.add_parser("chapters", help="list the chapters: key, notebook, title")
    sub.add_parser("package", help="update sha256 in the sidecars and regenerate data/datapackage.json and data/dictionary.csv")
    sub.add_parser("golden", help="regenerate tests/golden/ (claim statuses, exhibit checksums) for review")
    sub.add_parser("sources", help="check that the five source texts are in place for `make audit` (exit 3 if not)")
    sub.add_parser("readme", help="regenerate the README's generated sections (sources, citation, exhibits)")
    b = sub.add_parser("bench", help="cold run vs a sequential papermill loop, and a no-op rerun")
    b.add_argument("-j", "--jobs", type=int)
    args = ap.parse_args(argv)

    from .params import ParameterError

    try:
        if args.cmd == "run":
            from .runner import run

            if args.jobs is not None and args.jobs < 1:
                raise ParameterError(f"-j/--jobs must be at least 1, got {args.jobs}")
            twice = sorted({c for c in args.chapters if args.chapters.count(c) > 1})
            if twice:
                raise ParameterError(f"chapter(s) {', '.join(twice)} named twice")
            from .runner import CELL_TIMEOUT, LOCK_TIMEOUT

            return run(args.chapters, _params_from(args), jobs=args.jobs, force=args.force,
                       cell_timeout=args.cell_timeout or CELL_TIMEOUT, lock_timeout=args.lock_timeout or LOCK_TIMEOUT)
        if args.cmd == "verify":
            from .params import check_output_dir
            from .runner import verify

            root = check_output_dir(args.output_dir)
            problems = verify(root)
            for p in problems:
                print(f"  {p}")
            print(f"{len(problems)} problem(s) in {args.output_dir}" if problems else f"{args.output_dir}: every file as recorded")
            return 1 if problems else 0
        if args.cmd == "params":
            print(REGISTRY[args.chapter].help_text())
            return 0
        if args.cmd == "chapters":
            for c in REGISTRY.values():
                print(f"{c.number}  {c.key:<12} notebooks/{c.notebook}.ipynb  {c.title['en']}")
            return 0
        if args.cmd == "package":
            from .catalog import update_checksums, write_datapackage
            from .dictionary import write_dictionary

            changed = update_checksums()
            dictionary = write_dictionary()  # first: it refuses a sidecar whose Spanish descriptions do not fit
            path = write_datapackage()
            print(f"sha256 updated for: {', '.join(changed) or 'none'}; wrote {path.name} and {dictionary.name}")
            return 0
        if args.cmd == "golden":
            from .golden import write_golden

            return write_golden()
        if args.cmd == "refresh":
            from .refresh import refresh

            return refresh()
        if args.cmd == "sources":
            from .documents import check_texts, how_to_provide, registry
            from .paths import sources_dir

            problems = check_texts()
            if problems:
                print(how_to_provide(problems), file=sys.stderr)
                return 3
            print(f"{len(registry())} source texts in {sources_dir()}, each with the sha256 of data/sources.yaml")
            return 0
        if args.cmd == "readme":
            from .readme import write_readme

            return write_readme()
        if args.cmd == "bench":
            from .bench import bench

            return bench(jobs=args.jobs)
    except ParameterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0

"""Figures and tables of a chapter: one style, numbered, captioned, with a source line, alt text
and the data behind each saved next to it; every exhibit recorded for outputs/manifest.json.

In a notebook, after the `parameters` cell:

    chapter = kolac.setup("trade", globals())      # validates the parameters, read by name
    df = chapter.load(name)                         # corrected or as printed, per apply_corrections
    chapter.table(df, "1.2", sources=[name])        # caption: label trade_table_1_2_caption
    chapter.figure(fig, "1.3", data=df, sources=[name])  # trade_figure_1_3_caption / _alt

An exhibit is declared once, by its number: the number gives its file names, its manifest id and
its label keys (`exhibit_key`). Every other label of a chapter starts with "<chapter key>_".

Files go to <output_dir>/figures/<chapter>/ and <output_dir>/tables/<chapter>/. When the runner
executes a notebook it points $KOLAC_STAGING at a private folder, so a failing notebook never
touches the previous good outputs.
"""
import hashlib
import json
import os
from pathlib import Path

from . import claims, corrections
from .catalog import DERIVED, catalog, resource
from .chapters import get
from .data import load
from .labels import country, label
from .paths import SCRATCH

PALETTE = "colorblind"
FONT = "DejaVu Sans"  # shipped with matplotlib: same glyphs on every machine
DPI = 120


def apply_style():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import seaborn as sns

    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE, font=FONT)
    plt.rcParams.update({
        "figure.dpi": DPI, "savefig.dpi": DPI, "figure.figsize": (8, 4.5),
        "axes.titlesize": 12, "axes.labelsize": 11, "xtick.labelsize": 10, "ytick.labelsize": 10,
        "legend.fontsize": 10, "svg.hashsalt": "kolac", "svg.fonttype": "none",
        "path.simplify": True,
    })


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def exhibit_key(chapter: str, kind: str, number: str, part: str) -> str:
    """Label key of an exhibit's caption or alt text: exhibit_key("trade", "figure", "1.3", "alt")
    -> "trade_figure_1_3_alt"."""
    return f"{chapter}_{kind}_{number.replace('.', '_')}_{part}"


class FocusProfile:
    """What the tables print about the `focus_country`, row by row (source, item, value[, line]),
    and where a table does not name it, one row that says so: the same profile in every chapter."""

    def __init__(self, run: "ChapterRun"):
        self.run, self.rows = run, []

    def add(self, source: str, item: str, value, line=None):
        self.rows.append({"source": source, "item": item, "value": value, "line": line})

    def missing(self, source: str, item: str):
        self.add(source, item, self.run.label("profile_not_in_table"))

    def __len__(self):
        return len(self.rows)

    def sources(self) -> set:
        return {r["source"] for r in self.rows}

    def frame(self):
        import pandas as pd

        df = pd.DataFrame(self.rows, columns=["source", "item", "value", "line"])
        if df["line"].isna().all():
            df = df.drop(columns="line")
        else:
            df["line"] = df["line"].astype("Int64")
        names = {"source": "source", "item": "profile_item", "value": "profile_value", "line": "line"}
        return df.rename(columns={c: self.run.label(names[c]) for c in df.columns})


class ChapterRun:
    """A chapter notebook's handle on its parameters, labels, data and exhibits."""

    def __init__(self, chapter: str, params: dict):
        self.chapter = chapter
        self.notebook = get(chapter).notebook
        self.params = params
        self.lang = params["lang"]
        self.corrected = params["apply_corrections"]
        self.fig_format = params["fig_format"]
        self.countries = None if params["countries"] == "all" else params["countries"].split(",")
        staging = os.environ.get("KOLAC_STAGING")  # set by the runner (and by the tests for nbval)
        # A hand run (Jupyter, papermill) never writes into the runner's outputs: those are on record
        # in the manifest, and only `kolac run` may change them.
        self.root = Path(staging) if staging else SCRATCH / chapter
        self.hand_run = not staging
        self.records = []
        self.__dict__.update({k: v for k, v in params.items() if k not in self.__dict__})  # chapter.focus_country, ...

    @classmethod
    def start(cls, chapter: str, namespace: dict):
        spec = get(chapter).spec
        missing = [p.name for p in spec if p.name not in namespace]
        if missing:
            raise NameError(f"chapter {chapter!r}: the parameters cell does not define {', '.join(missing)}")
        params = get(chapter).validate({p.name: namespace[p.name] for p in spec})
        apply_style()
        self = cls(chapter, params)
        if self.hand_run:
            print(f"hand run: exhibits go to {self.root} (only `python -m kolac run` writes to outputs/)")
        for sub in ("figures", "tables"):
            (self.root / sub / chapter).mkdir(parents=True, exist_ok=True)
        self._write_records()
        return self

    # --- labels, data, country selection -----------------------------------------------------
    def label(self, key: str, **fmt) -> str:
        return label(key, self.lang, **fmt)

    def country_name(self, iso3) -> str:
        """Country name in the run's language ('' for a missing code, e.g. an aggregate row)."""
        return country(iso3, self.lang) if isinstance(iso3, str) and iso3 else ""

    def load(self, name: str):
        """A table, corrected or as printed per the `apply_corrections` parameter."""
        return load(name, corrected=self.corrected)

    def profile(self) -> FocusProfile:
        """An empty profile of the focus country, filled with .add / .missing, shown with
        chapter.table(profile.frame(), ...)."""
        return FocusProfile(self)

    def selected(self, df, col: str = "iso3"):
        """Rows of the countries chosen by the `countries` parameter (all rows when 'all';
        aggregates, which have no code, are kept)."""
        if self.countries is None:
            return df
        mask = df[col].isna() | df[col].isin(self.countries)
        return df[mask.astype(bool)]

    # --- exhibits ---------------------------------------------------------------------------
    def _source_line(self, sources) -> str:
        parts = []
        for name in sources:
            m = resource(name)
            if m["source"] == DERIVED:  # the inputs are listed in its sidecar and the data package
                parts.append(f"kolac, {name} (derived from {len(m['derived_from'])} resources)")
            else:
                parts.append(f"{m['source']}, {m['table']} (lines {m['lines'][0]}–{m['lines'][1]})")
        return f"{self.label('source')}: " + "; ".join(parts)

    def _record(self, kind, number, caption, files, sources, alt=None):
        rec = {"id": f"{self.chapter}-{kind}-{number}", "kind": kind, "number": number, "chapter": self.chapter,
               "notebook": f"notebooks/{self.notebook}.ipynb", "caption": caption, "alt": alt,
               "files": [{"path": f.relative_to(self.root).as_posix(), "sha256": _sha(f)} for f in files],
               "sources": list(sources)}
        self.records = [r for r in self.records if r["id"] != rec["id"]] + [rec]
        self._write_records()

    def _write_records(self):
        path = self.root / "exhibits" / f"{self.chapter}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def write_file(self, name: str, text: str):
        """A data file of the chapter's output folder (outputs/<chapter>/<name>), promoted with
        its exhibits; e.g. the appendix's errata.csv."""
        path = self.root / "files" / self.chapter / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def table(self, df, number: str, sources, fmt: dict | None = None, highlight=None, **caption_args):
        """Save `df` as tables/<chapter>/table-<number>.csv, record it, and show it with its
        caption (label <chapter>_table_<number>_caption, formatted with `caption_args`) and source."""
        from IPython.display import Markdown, display

        caption = self.label(exhibit_key(self.chapter, "table", number, "caption"), **caption_args)
        path = self.root / "tables" / self.chapter / f"table-{number}.csv"
        df.to_csv(path, index=False, lineterminator="\n")
        self._record("table", number, caption, [path], sources)
        display(Markdown(f"**{self.label('table')} {number}. {caption}**"))
        styler = df.style.set_uuid(f"{self.chapter}-{number}".replace(".", "-")).hide(axis="index").format(fmt or {}, na_rep="–")
        if highlight is not None:
            styler = styler.apply(lambda row: ["font-weight: bold" if highlight(row) else "" for _ in row], axis=1)
        # raw mimebundle: the plain-text form is the table itself, not a Styler repr with a memory address
        display({"text/html": styler.to_html(), "text/plain": df.to_string(index=False)}, raw=True)
        display(Markdown(f"*{self._source_line(sources)}*"))

    def figure(self, fig, number: str, data, sources, **caption_args):
        """Save `fig` (and the data behind it as CSV), record it, show it with caption, alt text
        (labels <chapter>_figure_<number>_caption / _alt, formatted with `caption_args`) and source."""
        import matplotlib.pyplot as plt
        from IPython.display import SVG, Image, Markdown, display

        caption = self.label(exhibit_key(self.chapter, "figure", number, "caption"), **caption_args)
        alt = self.label(exhibit_key(self.chapter, "figure", number, "alt"), **caption_args)
        folder = self.root / "figures" / self.chapter
        img = folder / f"figure-{number}.{self.fig_format}"
        meta = {"Software": None} if self.fig_format == "png" else {"Date": None, "Creator": None}
        fig.savefig(img, format=self.fig_format, metadata=meta, bbox_inches="tight")
        plt.close(fig)
        csv = folder / f"figure-{number}.csv"
        data.to_csv(csv, index=False, lineterminator="\n")
        self._record("figure", number, caption, [img, csv], sources, alt=alt)
        display(Markdown(f"**{self.label('figure')} {number}. {caption}**"))
        display(Image(filename=str(img), alt=alt) if self.fig_format == "png" else SVG(filename=str(img)))
        display(Markdown(f"*{self._source_line(sources)}*"))

    # --- the two exhibits every chapter ends with -----------------------------------------------
    def claims_audit(self, number: str):
        """The chapter's claims ledger recomputed (kolac.claims.audit) as a table exhibit; returns
        the audit frame. Statuses are computed, never typed (tests/golden/claim_statuses.csv)."""
        audit = claims.audit(self.chapter, corrected=self.corrected)
        cols = {"claim_id": "claim_id", "source": "source", "line": "line", "claim": "claim", "comparison": "comparison",
                "value": "claimed", "tolerance": "tolerance", "recomputed": "recomputed", "allowed": "allowed",
                "status": "status"}
        # the range the printed precision of the input cells allows (empty where the result is exact)
        shown = audit.assign(
            allowed=[("" if lo == hi else f"{lo:,.3f} – {hi:,.3f}") if lo is not None and lo == lo else ""
                     for lo, hi in zip(audit["low"], audit["high"])],
            tolerance=["" if t in ("", "0") else f"± {t}" for t in audit["tolerance"]])
        view = shown[list(cols)].rename(columns={k: self.label(v) for k, v in cols.items()})
        # the claimed value is read with its relation: "= 812", "> 0" (recomputed must exceed 0), ...
        view[self.label("comparison")] = audit["comparison"].map({"eq": "=", "gt": ">", "lt": "<", "ge": "≥", "le": "≤"})
        view[self.label("status")] = [self.label(f"status_{s.replace(' ', '_')}") for s in audit["status"]]
        self.table(view, number, sources=claims.tables_read(self.chapter), fmt={self.label("recomputed"): "{:,.3f}"})
        return audit

    def known_defects(self, number: str):
        """The chapter's printed defects as a table exhibit: corrections register entries and the
        sidecars' documented `issues` (kolac.corrections.known_defects); returns the frame."""
        defects = corrections.known_defects(self.chapter)
        view = defects.drop(columns=["source", "evidence"])
        view = view.rename(columns={c: self.label(f"defects_{c}") for c in view.columns})
        view[self.label("defects_status")] = [self.label({"corrected": "defects_corrected_status"}.get(s, f"defects_{s}"))
                                              for s in defects["status"]]
        view[self.label("defects_kind")] = [self.label("defects_kind_sidecar") if k == "sidecar issue" else k
                                            for k in defects["kind"]]
        # the sources are every table of the chapter: all were checked, defects or not
        self.table(view, number, sources=sorted(n for n, m in catalog().items() if m["chapter"] == self.chapter))
        return defects

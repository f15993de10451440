"""Figures and tables of a chapter: one style, numbered, captioned, with a source line, alt text
and the data behind each saved next to it; every exhibit recorded for outputs/manifest.json.

In a notebook:

    P = kolac.setup("trade", lang=lang, countries=countries, ...)   # validates parameters
    P.table(df, "t1", sources=[name])                                  # caption from labels/<chapter>.yaml
    P.figure(fig, "f1", data=df, sources=[name])

Files go to <output_dir>/figures/<chapter>/ and <output_dir>/tables/<chapter>/. When the runner
executes a notebook it points $KOLAC_STAGING at a private folder, so a failing notebook never
touches the previous good outputs.
"""
import hashlib
import json
import os
from pathlib import Path

from . import CHAPTERS
from .labels import country, label
from .params import validate
from .paths import ROOT

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


def output_root(output_dir: str) -> Path:
    """The final output folder named by the `output_dir` parameter."""
    p = Path(output_dir)
    return p if p.is_absolute() else ROOT / p


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Chapter:
    def __init__(self, chapter: str, params: dict):
        self.chapter = chapter
        self.notebook = CHAPTERS[chapter]
        self.params = params
        self.lang = params["lang"]
        self.corrected = params["apply_corrections"]
        self.fig_format = params["fig_format"]
        self.countries = None if params["countries"] == "all" else params["countries"].split(",")
        staging = os.environ.get("KOLAC_STAGING")  # set by the runner (and by the tests for nbval)
        self.root = Path(staging) if staging else output_root(params["output_dir"])
        self.records = []
        self.__dict__.update({k: v for k, v in params.items() if k not in self.__dict__})  # P.focus_country, ...

    @classmethod
    def start(cls, chapter: str, given: dict):
        params = validate(chapter, given)
        apply_style()
        self = cls(chapter, params)
        for sub in ("figures", "tables"):
            (self.root / sub / chapter).mkdir(parents=True, exist_ok=True)
        self._write_records()
        return self

    # --- labels -----------------------------------------------------------------------------
    def t(self, key: str, **fmt) -> str:
        return label(key, self.lang, **fmt)

    def country(self, iso3: str) -> str:
        return country(iso3, self.lang)

    def keep(self, df, col: str = "iso3"):
        """Rows of the selected countries (all rows when countries='all'; aggregates are kept)."""
        if self.countries is None:
            return df
        mask = df[col].isna() | df[col].isin(self.countries)
        return df[mask.astype(bool)]

    # --- exhibits ---------------------------------------------------------------------------
    def _source_line(self, sources) -> str:
        from .resources import resource

        parts = []
        for name in sources:
            m = resource(name)
            parts.append(f"{m['source']}, {m['table']} (lines {m['lines'][0]}–{m['lines'][1]})")
        return f"{self.t('source')}: " + "; ".join(parts)

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

    def table(self, df, number: str, sources, caption_key: str | None = None, caption: str | None = None,
              fmt: dict | None = None, highlight=None):
        """Save `df` as tables/<chapter>/table-<number>.csv, record it, and return a styled view."""
        from IPython.display import Markdown, display

        caption = caption or self.t(caption_key or f"{self.chapter}_{number}_caption")
        path = self.root / "tables" / self.chapter / f"table-{number}.csv"
        df.to_csv(path, index=False, lineterminator="\n")
        self._record("table", number, caption, [path], sources)
        display(Markdown(f"**{self.t('table')} {number}. {caption}**"))
        styler = df.style.set_uuid(f"{self.chapter}-{number}".replace(".", "-")).hide(axis="index").format(fmt or {}, na_rep="–")
        if highlight is not None:
            styler = styler.apply(lambda row: ["font-weight: bold" if highlight(row) else "" for _ in row], axis=1)
        # raw mimebundle: the plain-text form is the table itself, not a Styler repr with a memory address
        display({"text/html": styler.to_html(), "text/plain": df.to_string(index=False)}, raw=True)
        display(Markdown(f"*{self._source_line(sources)}*"))

    def figure(self, fig, number: str, data, sources, caption_key: str | None = None, alt_key: str | None = None, **fmt):
        """Save `fig` (and the data behind it as CSV), record it, show it with caption and source."""
        import matplotlib.pyplot as plt
        from IPython.display import SVG, Image, Markdown, display

        caption = self.t(caption_key or f"{self.chapter}_{number}_caption", **fmt)
        alt = self.t(alt_key or f"{self.chapter}_{number}_alt", **fmt)
        folder = self.root / "figures" / self.chapter
        img = folder / f"figure-{number}.{self.fig_format}"
        meta = {"Software": None} if self.fig_format == "png" else {"Date": None, "Creator": None}
        fig.savefig(img, format=self.fig_format, metadata=meta, bbox_inches="tight")
        plt.close(fig)
        csv = folder / f"figure-{number}.csv"
        data.to_csv(csv, index=False, lineterminator="\n")
        self._record("figure", number, caption, [img, csv], sources, alt=alt)
        display(Markdown(f"**{self.t('figure')} {number}. {caption}**"))
        display(Image(filename=str(img), alt=alt) if self.fig_format == "png" else SVG(filename=str(img)))
        display(Markdown(f"*{self._source_line(sources)}*"))

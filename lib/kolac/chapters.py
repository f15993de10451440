"""The chapter registry: the one place that declares each chapter of the compendium.

Everything else derives from it: the runner's list and order, `python -m kolac params`, each
notebook's `parameters` cell (written by `kolac refresh`, checked by tests/test_params.py), the
data folder a chapter owns, the manifest's order and the tests' parametrisation.

Adding a chapter: one `Chapter(...)` entry here, its notebook `notebooks/<notebook>.py`, its labels
`lib/kolac/labels/<key>.yaml` (see CONTRIBUTING.md).
"""
from dataclasses import dataclass

from .params import SHARED, Param, ParameterError, declaration, describe, validate_params


@dataclass(frozen=True)
class Chapter:
    key: str          # short name: CLI argument, data/<key>/, labels/<key>.yaml, label-key prefix
    number: int       # order in the compendium; exhibit numbers are "<number>.<n>"
    notebook: str     # file stem in notebooks/ (.py pair and .ipynb reference)
    title: dict       # {"en": ..., "es": ...}
    params: tuple = ()  # the chapter's own parameters, after the SHARED ones
    reads_all_data: bool = False  # an appendix that reads every table (its results depend on all of data/)
    publishes: tuple = ()  # files of its output folder also placed at the output root (outputs/<name>)

    @property
    def spec(self) -> tuple:
        return SHARED + self.params

    @property
    def data_dir(self) -> str:
        return self.key

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.spec}

    def validate(self, given: dict) -> dict:
        return validate_params(self.key, self.spec, given)

    def help_text(self) -> str:
        lines = [f"Parameters of chapter {self.key!r} (notebook notebooks/{self.notebook}.ipynb):"]
        return "\n".join(lines + ["  " + describe(p) for p in self.spec])

    def parameter_cell(self) -> str:
        """The source of the notebook's `parameters` cell, generated from the spec."""
        return "\n".join(declaration(p) for p in self.spec)


# The codes of data/cooperation/proposals_codebook.yaml (tests/test_coding.py checks they agree).
THEMES = ("sti_innovation", "skills_education", "entrepreneurship", "ict_digital", "sme_finance", "trade_promotion",
          "sme_internationalization", "industrial_development", "trade_facilitation", "trade_investment_agreements",
          "knowledge_data", "cooperation_framework", "other")
ADDRESSEES = ("korea", "lac", "both", "regional_bodies", "private_sector", "unspecified")
DOCUMENTS = ("eclac-2016-korea-celac", "eclac-2018-korea-lac", "sela-2016-work-programme-2017", "itc-2015-smes-gvc-latam",
             "eclac-2006-fealac-ict-smes")  # data/sources.yaml, in its order (tests/test_errata.py checks)
PROPOSAL_SOURCES = ("eclac-2006-fealac-ict-smes", "eclac-2016-korea-celac", "sela-2016-work-programme-2017", "eclac-2018-korea-lac")


def _focus(default: str, what: str) -> Param:
    return Param("focus_country", str, default, f"{what} (ISO3)", kind="iso3")


REGISTRY = {c.key: c for c in (
    Chapter("trade", 1, "01_trade",
            {"en": "Trade: Korea and Latin America and the Caribbean",
             "es": "Comercio: Corea y América Latina y el Caribe"},
            (_focus("CHL", "country profiled against the region"),
             Param("top_n", int, 10, "number of partners shown in ranked exhibits", bounds=(1, 24)),
             Param("year_from", int, 2003, "first year of the Chile/Peru series shown and analysed", bounds=(2003, 2015)),
             Param("year_to", int, 2015, "last year of the Chile/Peru series shown and analysed", bounds=(2003, 2015)))),
    Chapter("fdi", 2, "02_fdi",
            {"en": "Foreign direct investment: Korea's outward FDI and its Latin American destinations",
             "es": "Inversión extranjera directa: la IED de Corea y sus destinos latinoamericanos"},
            (_focus("BRA", "country profiled across the FDI tables"),
             Param("period", str, "2007-2012", "period of eclac-2016 Table 1 used for the destination ranking and shares",
                   choices=("2001-2006", "2007-2012")),
             Param("lac_year", int, 2014, "year of eclac-2018 Table 31 shown for Latin American destinations by firm size",
                   choices=(2013, 2014)))),
    Chapter("innovation", 3, "03_innovation",
            {"en": "Innovation and skills: national innovation systems, start-ups, finance, graduates",
             "es": "Innovación y competencias: sistemas nacionales de innovación, emprendimientos, financiamiento, graduados"},
            (_focus("CHL", "country whose innovation-system bodies and start-up policy tools are shown where the tables print them"),)),
    Chapter("smes", 4, "04_smes",
            {"en": "Small and medium-sized enterprises (SMEs) in Latin America and Korea",
             "es": "Pequeñas y medianas empresas (pymes) en América Latina y Corea"},
            (_focus("CHL", "country whose SME profile is shown across the tables where it appears"),)),
    Chapter("tpas", 5, "05_tpas",
            {"en": "Trade promotion agencies: Latin America and Korea's KOTRA",
             "es": "Agencias de promoción comercial: América Latina y la KOTRA de Corea"},
            (_focus("CHL", "country whose agency is profiled against KOTRA and the regional median"),
             Param("source_copy", str, "eclac-2016-korea-celac", "which printing of the 2015 agency statistics to use",
                   choices=("eclac-2016-korea-celac", "eclac-2018-korea-lac")))),
    Chapter("cooperation", 6, "06_cooperation",
            {"en": "Cooperation: what Korea does with Latin America and the Caribbean, and what the documents propose",
             "es": "Cooperación: lo que Corea hace con América Latina y el Caribe, y lo que proponen los documentos"},
            (_focus("PER", "country whose knowledge-sharing and DEEP projects, ODA received, JIRI role and the proposals naming it are profiled"),
             Param("year", int, 2013, "year of eclac-2018 Table 35 (Korea's ODA) used for the headline comparison with the bilateral split",
                   choices=(2001, 2004, 2007, 2010, 2013)),
             Param("theme", str, "all", "theme of the proposals shown in the lists (codebook code), or all", choices=("all",) + THEMES),
             Param("source", str, "all", "document whose proposals are shown in the lists, or all", choices=("all",) + PROPOSAL_SOURCES),
             Param("addressee", str, "all", "addressee of the proposals shown in the lists (codebook code), or all",
                   choices=("all",) + ADDRESSEES))),
    Chapter("errata", 7, "07_errata",
            {"en": "Appendix: errata of the five printed documents",
             "es": "Apéndice: fe de erratas de los cinco documentos impresos"},
            (Param("document", str, "all", "document whose errata are listed in full, or all", choices=("all",) + DOCUMENTS),),
            reads_all_data=True, publishes=("errata.csv",)),
)}


def get(key: str) -> Chapter:
    if key not in REGISTRY:
        raise ParameterError(f"unknown chapter {key!r}; chapters: {', '.join(REGISTRY)}")
    return REGISTRY[key]


def keys() -> list:
    return list(REGISTRY)

"""Parameters: one specification; notebooks declare exactly it; bad values are clear errors,
raised by the runner before any kernel starts."""
import papermill as pm
import pytest

import nbformat

from kolac.chapters import REGISTRY, get
from kolac.params import ParameterError
from kolac.paths import NOTEBOOKS


def validate(chapter, given):
    return get(chapter).validate(given)


@pytest.mark.parametrize("chapter", REGISTRY)
def test_parameters_cell_is_the_generated_one(chapter):
    # the cell is written by `kolac refresh` from kolac.chapters; a hand edit shows here
    nb = nbformat.read(NOTEBOOKS / f"{REGISTRY[chapter].notebook}.ipynb", as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1 and cells[0].source == REGISTRY[chapter].parameter_cell(), \
        f"{REGISTRY[chapter].notebook}: parameters cell differs from kolac.chapters; run `python -m kolac refresh`"


@pytest.mark.parametrize("chapter", REGISTRY)
def test_papermill_reads_the_spec_from_the_cell(chapter):
    declared = pm.inspect_notebook(str(NOTEBOOKS / f"{REGISTRY[chapter].notebook}.ipynb"))
    defaults = REGISTRY[chapter].defaults()
    assert set(declared) == set(defaults)
    for name, value in defaults.items():
        assert eval(declared[name]["default"]) == value, name
        assert declared[name]["help"], f"{chapter}.{name} has no help comment for --help-notebook"
        assert declared[name]["inferred_type_name"] == type(value).__name__, f"{chapter}.{name}: annotate its type"


def test_generated_cell_declares_type_default_help_and_allowed_values():
    lines = get("fdi").parameter_cell().splitlines()
    assert 'lac_year: int = 2014  # year of eclac-2018 Table 31 shown for Latin American destinations by firm size: 2013 | 2014' in lines
    assert 'top_n: int = 10  # number of partners shown in ranked exhibits (1..24)' in get("trade").parameter_cell().splitlines()


def test_defaults_validate():
    assert validate("trade", {}) == get("trade").defaults()


def test_countries_normalized():
    assert validate("trade", {"countries": "chl, per"})["countries"] == "CHL,PER"
    assert validate("trade", {"countries": ["MEX"]})["countries"] == "MEX"


@pytest.mark.parametrize("given, message", [
    ({"lang": "fr"}, "parameter 'lang': 'fr' not allowed; allowed: en, es"),
    ({"countries": "CHL,XXX"}, "unknown ISO3 code\\(s\\) XXX"),
    ({"focus_country": "ZZZ"}, "parameter 'focus_country': unknown ISO3 code 'ZZZ'"),
    ({"top_n": 99}, "parameter 'top_n': 99 out of range; allowed: 1..24"),
    ({"top_n": "ten"}, "parameter 'top_n': 'ten' is not an integer"),
    ({"apply_corrections": "maybe"}, "not a boolean"),
    ({"colour": "red"}, "unknown parameter\\(s\\) colour for chapter 'trade'"),
])
def test_bad_values_are_named(given, message):
    with pytest.raises(ParameterError, match=message):
        validate("trade", given)


def test_runner_rejects_before_any_kernel(tmp_path):
    from kolac.runner import run

    with pytest.raises(ParameterError, match="unknown parameter 'focus_contry'"):
        run(["trade"], {"focus_contry": "PER", "output_dir": str(tmp_path)})
    assert not any(tmp_path.iterdir()), "nothing may be written when parameters are bad"


def test_cli_exit_code_and_message(capsys):
    from kolac.cli import main

    assert main(["run", "trade", "-p", "lang", "de"]) == 2
    assert "parameter 'lang': 'de' not allowed" in capsys.readouterr().err


def test_params_command_lists_allowed_values(capsys):
    from kolac.cli import main

    assert main(["params", "trade"]) == 0
    out = capsys.readouterr().out
    assert "focus_country (str, default 'CHL')" in out and "allowed: en, es" in out and "allowed: 1..24" in out


def test_parameter_file_errors_name_the_file(tmp_path, capsys):
    from kolac.cli import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("lang: es\nfocus_country: [PER\n")
    assert main(["run", "trade", "-f", str(bad)]) == 2
    assert f"parameter file {bad} is not valid YAML" in capsys.readouterr().err
    assert main(["run", "trade", "-f", str(tmp_path / "missing.yaml")]) == 2
    assert "No such file" in capsys.readouterr().err
    listed = tmp_path / "list.yaml"
    listed.write_text("- lang\n")
    assert main(["run", "trade", "-f", str(listed)]) == 2
    assert "expected a mapping" in capsys.readouterr().err


def test_parameter_file_values_are_validated(tmp_path, capsys):
    from kolac.cli import main

    f = tmp_path / "p.yaml"
    f.write_text("lang: es\ntop_n: 0\n")
    assert main(["run", "trade", "-f", str(f)]) == 2
    assert "parameter 'top_n': 0 out of range; allowed: 1..24" in capsys.readouterr().err

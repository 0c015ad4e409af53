"""Country codes in knowledge tables are checked when the tables load (issue 8): an unknown code is
an error naming the file, line and code; a user may declare their own codes in their countries.tsv."""
from __future__ import annotations

import pickle
import sys
from datetime import date
from pathlib import Path

import pytest

from dateline.knowledge import KnowledgeFileError, UnknownCountryError, load_knowledge
from dateline.knowledge.gazetteer import load_gazetteer
from dateline.knowledge.loader import read_table

ACTORS_HEADER = "name\taliases\tcountry\tsector\tkind\troles\tvalid_from\tvalid_to"
COUNTRIES_HEADER = "iso3\tiso2\tname\taliases\tdemonyms\tcapital\tcapital_aliases\tsovereign"
TEXT = "Jon Snow met Pakistani officials in Islamabad on Monday. The two countries signed an accord."


def _write(directory: Path, name: str, header: str, *rows: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    # a comment and a blank line first: the line number in the error is the line in the file
    path.write_text("\n".join(["# my rows", header, "", *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name, header, rows, column", [
    ("actors.tsv", ACTORS_HEADER, ["Zara Qadir\t\tPAK\tGOV\tperson\t\t\t", "Jon Snow\t\thob\tGOV\tperson\t\t\t"],
     "country"),
    ("organizations.tsv", "key\tname\taliases\tkind\tsector\tcountry\tholder",
     ["night-watch\tNight's Watch\tNight's Watch\tmilitary\tMIL\tHOB\t"], "country"),
    ("titles.tsv", "title\trole\tsector\tabbreviations\tcountry", ["Lord Commander\tLord Commander\tMIL\t\tHOB"],
     "country"),
    ("country_variants.tsv", "iso3\taliases\tdemonyms", ["HOB\tThe Shire\t"], "iso3"),
])
def test_unknown_code_names_file_line_and_code(tmp_path, name, header, rows, column):
    path = _write(tmp_path, name, header, *rows)
    with pytest.raises(UnknownCountryError) as info:
        load_knowledge((str(tmp_path),))
    line = 3 + len(rows)
    assert info.value.where == f"{path}:{line}"
    assert (info.value.code, info.value.column) == ("HOB", column)
    assert f"{path}:{line}: unknown iso3 'HOB'" in str(info.value)
    assert isinstance(info.value, KnowledgeFileError) and isinstance(info.value, ValueError)


def test_unknown_code_in_a_user_gazetteer_is_an_error(tmp_path):
    path = _write(tmp_path, "gazetteer.tsv", "geonameid\tname\tasciiname\talternates\tcountry\tlat\tlon\tpopulation\tfeature",
                  "900000001\tHobbiton\tHobbiton\t\tHOB\t1.0\t2.0\t500\tcity")
    with pytest.raises(UnknownCountryError, match=f"{path}:4: unknown iso3 'HOB'"):
        load_gazetteer((str(tmp_path),))


def test_declared_code_loads_and_is_valid_in_the_users_other_tables(tmp_path):
    # countries in one directory, actors in another: both are the user's knowledge
    _write(tmp_path / "a", "countries.tsv", COUNTRIES_HEADER, "HOB\t\tThe Shire\tShire\tHobbit\tHobbiton\t\t1")
    _write(tmp_path / "b", "actors.tsv", ACTORS_HEADER, "Jon Snow\t\tHOB\tMIL\tperson\tLord Commander\t\t")
    kb = load_knowledge((str(tmp_path / "a"), str(tmp_path / "b")))
    assert kb.countries.by_iso3("HOB").name == "The Shire"
    assert kb.actors.lookup("Jon Snow").country == "HOB"
    assert kb.countries.by_iso3("PAK").name == "Pakistan"          # built-in rows are still there


def test_extraction_with_a_declared_code(tmp_path):
    from dateline.config import Settings
    from dateline.ingest import read_text
    from dateline.pipeline import Pipeline

    _write(tmp_path, "countries.tsv", COUNTRIES_HEADER, "HOB\t\tThe Shire\tShire\tHobbit\tHobbiton\t\t1")
    _write(tmp_path, "actors.tsv", ACTORS_HEADER, "Jon Snow\t\tHOB\tMIL\tperson\tLord Commander\t\t")
    settings = Settings()
    settings.knowledge_paths = [str(tmp_path)]
    result = Pipeline(settings).extract(read_text(TEXT, published=date(2025, 4, 18)))
    actors = {a.id: a.country for a in result.actors}
    assert actors["person:jon-snow"] == "HOB"
    pair = next(m for m in result.actor_mentions if m.text == "The two countries")
    assert sorted(a.id for a in pair.actors) == ["country:HOB", "country:PAK"]


def test_cli_reports_an_unknown_code_in_one_line(tmp_path, monkeypatch, capsys):
    from dateline import cli

    path = _write(tmp_path / "know", "actors.tsv", ACTORS_HEADER, "Jon Snow\t\tHOB\tGOV\tperson\t\t\t")
    article = tmp_path / "a.txt"
    article.write_text(TEXT + "\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["dateline", "extract", str(article), "--published", "2025-04-18",
                                      "--knowledge", str(tmp_path / "know")])
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code != 0
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in err
    assert f"{path}:4: unknown iso3 'HOB'" in err


def test_rows_remember_where_they_were_read(tmp_path):
    path = _write(tmp_path, "sectors.tsv", "code\tlabel\tnouns", "XYZ\tSomething\tthings")
    rows = read_table("sectors.tsv", (str(tmp_path),))
    assert (rows[-1].path, rows[-1].line) == (str(path), 4)
    assert rows[-1] == {"code": "XYZ", "label": "Something", "nouns": "things"}
    copy = pickle.loads(pickle.dumps(rows[-1]))
    assert (copy, copy.path, copy.line) == (rows[-1], str(path), 4)


def test_too_many_columns_names_the_line(tmp_path):
    path = _write(tmp_path, "sectors.tsv", "code\tlabel\tnouns", "XYZ\tSomething\tthings\textra")
    with pytest.raises(KnowledgeFileError, match=f"{path}:4: row has more columns"):
        read_table("sectors.tsv", (str(tmp_path),))

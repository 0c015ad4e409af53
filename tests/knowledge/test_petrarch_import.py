"""The PETRARCH importer on small dictionaries written here in PETRARCH format."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.knowledge import load_knowledge
from dateline.knowledge.lexicon import load_lexicon
from dateline.knowledge.loader import read_table
from dateline.knowledge.petrarch import import_petrarch
from dateline.knowledge.petrarch.actors import parse_date, parse_term
from dateline.knowledge.petrarch.codes import read_code

ACTORS = """\
# a test actor dictionary
FREEDONIA_  [FRD]
+FREEDONIAN_

RUFUS_T_FIREFLY_  ; invented
+FIREFLY_RUFUS_
\t[FRDGOV 330101-331231]
\t[FRDELI]

AMINA_AL-RASHID_  [PAKGOVEDU 030701-040331]
\t[PAKELI]

HALIMA_QURESHI_  # CountryInfo.txt
\t[PAKGOV 9008223-911221]
\t[PAKMIL >150601]

ORPHAN_WITHOUT_CODE_
  not a code line
"""

AGENTS = """\
!PERSON! = MAN, MEN
TROOP {} [~MIL]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
DEPUTY [~GOVXYZ]
BROKEN LINE WITHOUT CODE
"""

VERBS = """\
&AIDWORDS
+AID
+RELIEF

---  RESTORE   [---]  ---
RESTORE
REESTABLISH
- * {DIPLOMATIC TIES}    [064]   # RESTORE
- * &AIDWORDS            [073]
- &MILITARY *            [154]
- * (FOR TALKS)          [036]
---  VISIT   [042:043]  ---
VISIT
+CALL_ON {+CALLS_ON +CALLED_ON +CALLING_ON}
~ a (a b WILL_ATTACK) SAY = a b 138
---  COMMENT   [010]  ---
REMARK
"""

DISCARDS = "+ACADEMY AWARD   # story\nWORLD_CUP_\n"


def _write(d: Path, name: str, text: str) -> Path:
    p = d / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture()
def imported(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    report = import_petrarch(tmp_path / "out", actors=[_write(src, "test.actors.txt", ACTORS)],
                             agents=[_write(src, "test.agents.txt", AGENTS)],
                             verbs=[_write(src, "test.verbs.txt", VERBS)],
                             discards=[_write(src, "test.discards.txt", DISCARDS)])
    return tmp_path / "out", report


def test_dates_and_terms():
    assert parse_date("030701") == date(2003, 7, 1)
    assert parse_date("450703") == date(1945, 7, 3)
    assert parse_date("18970101") == date(1897, 1, 1)
    assert parse_date("9008223") is None
    assert parse_term("ARMGOV >080409").start == date(2008, 4, 9)
    assert parse_term("ARMGOV <900823").end == date(1990, 8, 23)
    assert parse_term("EGYGOV > 140608").start == date(2014, 6, 8)
    assert parse_term("ARMELI").start is None


def test_codes_read_as_country_sector_and_detail():
    known = frozenset({"PAK", "ARG"})
    c = read_code("ARGGOVBUS", known)
    assert (c.country, c.sector, c.detail) == ("ARG", "GOV", ("BUS",))
    c = read_code("PAKGOVEDU", known)
    assert (c.country, c.sector, c.detail) == ("PAK", "GOV", ("EDU",))     # the education office is GOV
    assert (read_code("IGOUNO", known).country, read_code("IGOUNO", known).sector) == (None, "IGO")
    assert read_code("PAKELI", known).sector is None
    c = read_code("KKLREB", known)
    assert (c.country, c.sector, c.unknown_country) == ("KKL", "REB", True)
    assert read_code("NGO123", known) is None


def test_actor_rows_keep_dated_codes_and_aliases(imported):
    out, report = imported
    rows = read_table("actors_dictionary.tsv", (str(out),))
    amina = [r for r in rows if r["name"] == "Amina al-Rashid"]
    assert [(r["country"], r["sector"], r["valid_from"], r["valid_to"], r["code"]) for r in amina] == [
        ("PAK", "GOV", "2003-07-01", "2004-03-31", "PAKGOVEDU"), ("PAK", "", "", "", "PAKELI")]
    firefly = [r for r in rows if r["name"] == "Rufus T Firefly"]
    assert {r["aliases"] for r in firefly} == {"Firefly Rufus"}
    assert firefly[0]["source"] == "test.actors.txt:5"
    # the country-level entry is not an actor; its unknown code is declared with its name
    assert not [r for r in rows if r["name"] == "Freedonia"]
    declared = {r["iso3"]: r["name"] for r in read_table("countries.tsv", (str(out),)) if r["iso3"] == "FRD"}
    assert declared == {"FRD": "Freedonia"}


def test_unconvertible_lines_are_counted_with_file_and_line(imported):
    out, report = imported
    lines = report.problems.lines()
    assert any(x.endswith("test.actors.txt:14: unreadable code or date restriction [PAKGOV 9008223-911221]")
               for x in lines)
    assert any("test.actors.txt:18: indented line" in x for x in lines)
    assert any("test.agents.txt:6: unreadable agent line" in x for x in lines)
    assert any("test.verbs.txt:10: pattern needs noun-phrase structure" in x for x in lines)
    assert any("test.verbs.txt:15: transformation" in x for x in lines)
    assert report.skipped["actor entries without any code (PETRARCH's null code)"] == 1
    # the good term of the same entry still converts
    rows = read_table("actors_dictionary.tsv", (str(out),))
    assert [(r["sector"], r["valid_from"]) for r in rows if r["name"] == "Halima Qureshi"] == [("MIL", "2015-06-01")]


def test_imported_tables_load_on_top_of_the_built_ins(imported):
    out, _ = imported
    kb = load_knowledge((str(out),))
    assert kb.countries.get("FRD").name == "Freedonia"              # declared, not a crash
    entry = kb.actors.lookup_on("Amina al-Rashid", date(2003, 9, 1))
    assert (entry.country, entry.sector_on(date(2003, 9, 1))) == ("PAK", "GOV")
    later = kb.actors.lookup_on("AMINA AL-RASHID", date(2012, 1, 1))     # any case; outside the term
    assert (later.country, later.sector_on(date(2012, 1, 1))) == ("PAK", None)
    assert kb.actors.lookup_on("Amina al-Rashid", date(2003, 9, 1), country="IND") is None
    assert load_knowledge().actors.lookup_on("Amina al-Rashid", date(2003, 9, 1)) is None


def test_agents(imported):
    out, _ = imported
    rows = {r["phrase"]: r for r in read_table("agents.tsv", (str(out),))}
    assert (rows["troop"]["sector"], rows["troop"]["plurals"]) == ("MIL", "")
    assert rows["congressman"]["sector"] == "LEG" and "congressmen" in rows
    assert (rows["human rights body"]["sector"], rows["human rights body"]["position"]) == ("NGO", "before")
    assert (rows["deputy"]["sector"], rows["deputy"]["detail"]) == ("GOV", "XYZ")   # a new code is kept


def test_verbs_map_cameo_to_plover_through_the_lexicon(imported):
    out, report = imported
    rows = read_table("event_lexicon.tsv", (str(out),))
    got = {(r["lemma"], r["requires"], r["type"], r["cameo"]) for r in rows if r.get("source")}
    assert ("restore", "obj=ties", "COOPERATE", "064") in got
    assert ("reestablish", "obj=aid,relief", "AID", "073") in got
    assert ("restore", "prep=for", "AGREE", "036") in got
    assert ("visit", "-", "CONSULT", "042") in got
    assert ("call", "prt=on", "CONSULT", "042") in got
    assert not [r for r in got if r[0] == "restore" and r[1] == "-"]      # block code '---': no bare event
    assert not [r for r in got if r[0] == "remark"]                        # 010: PLOVER codes no statements
    lex = load_lexicon((str(out),))
    assert any(s.cameo == "064" for s in lex.senses("restore", "verb"))


def test_discards(imported):
    out, _ = imported
    rows = [(r["phrase"], r["scope"], r["match"]) for r in read_table("discards.tsv", (str(out),))]
    assert rows == [("academy award", "story", "stem"), ("world cup", "sentence", "word")]


def test_command_line(tmp_path: Path):
    src = _write(tmp_path, "a.txt", ACTORS)
    report = tmp_path / "problems.txt"
    result = CliRunner().invoke(cli, ["knowledge", "import-petrarch", "--actors", str(src),
                                      "--out", str(tmp_path / "k"), "--report", str(report)], obj={})
    assert result.exit_code == 0, result.output
    assert "actors_dictionary.tsv" in result.output and "declared 1 codes" in result.output
    assert f"{src}:14: unreadable code" in report.read_text()
    assert CliRunner().invoke(cli, ["knowledge", "import-petrarch", "--out", str(tmp_path / "k")],
                              obj={}).exit_code == 2

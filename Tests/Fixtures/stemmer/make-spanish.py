"""Writes spanish.tsv: distinct words of real Spanish text and their Snowball stems (PyPI snowballstemmer).

    python3 -m venv /tmp/sb && /tmp/sb/bin/pip install snowballstemmer
    /tmp/sb/bin/python Tests/Fixtures/stemmer/make-spanish.py > Tests/Fixtures/stemmer/spanish.tsv

Sources (see README.md): the Spanish manual pages under /usr/share/man/es (Debian packages man-db, dpkg, apt,
debianutils, fakeroot, ...), the Spanish message catalogs of a few Debian packages under
/usr/share/locale/es/LC_MESSAGES (read with msgunfmt from gettext), the site's own Spanish translations
(Content/**/*.es.md), and a short list of hard cases.
"""
import glob
import gzip
import re
import subprocess
import sys
from pathlib import Path

import snowballstemmer

CATALOGS = ["coreutils", "apt", "dpkg", "bash", "grep", "findutils", "diffutils", "adduser", "gettext-runtime",
            "tar", "sed", "wget"]
HARD = """sustituyéndolo diciéndole dándoselo cómpratelo arguyendo averiguen sigue distinguen pague huyendo oyéndolo
construyendo amablemente activamente posiblemente comunicativamente habilidad posibilidad actividad informativo
evaluación soluciones tecnología diferencia niño niñas pingüino vergüenza yo ayer ya a él más país baúl
informacion proteccion casas familias cuidadores preocupaciones""".split()
WORD = re.compile(r"[a-záéíóúüñ]+")


def manual_pages():
    for path in sorted(glob.glob("/usr/share/man/es/*/*.gz")):
        text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
        lines = [line for line in text.split("\n") if not line.startswith(('.\\"', "'\\\""))]
        text = "\n".join(re.sub(r"^\.[A-Za-z]+\s?", "", line) for line in lines)
        yield re.sub(r"\\f[BIRP]|\\f\(..|\\\(..|\\[-&e]|\\\*.", " ", text)


def catalogs():
    for name in CATALOGS:
        path = f"/usr/share/locale/es/LC_MESSAGES/{name}.mo"
        if not Path(path).exists():
            continue
        po = subprocess.run(["msgunfmt", path], capture_output=True, text=True, check=True).stdout
        translated, inside = [], False
        for line in po.split("\n"):
            if line.startswith("msgid"):
                inside = False
            elif line.startswith("msgstr"):
                inside = True
            match = re.search(r'"(.*)"', line)
            if inside and match:
                translated.append(match.group(1))
        yield re.sub(r"%[-0-9.]*[a-z]|\\n|\\t", " ", " ".join(translated))


def site():
    root = Path(__file__).resolve().parents[3] / "Content"
    for path in sorted(root.rglob("*.es.md")):
        yield path.read_text(encoding="utf-8")


def main():
    words = set(HARD)
    for text in [*manual_pages(), *catalogs(), *site()]:
        words.update(w for w in WORD.findall(text.lower()) if len(w) >= 2)
    stemmer = snowballstemmer.stemmer("spanish")
    out = sys.stdout
    out.write("# word\tSnowball 3.1.1 spanish stem (pip snowballstemmer); made by make-spanish.py, sources in README.md\n")
    for word in sorted(words):
        out.write(f"{word}\t{stemmer.stemWord(word)}\n")


if __name__ == "__main__":
    main()

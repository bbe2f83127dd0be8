"""Times `journee import` against openpyxl + sqlite3 on the same workbook, in one run.
The reference does what the importer does at its simplest: read every row, insert people
and submissions in one transaction. Medians of several runs; the machine is noisy, so the
ratio is what to read."""

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
ROOT = Path(__file__).resolve().parent.parent
JOURNEE = ROOT / "target/release/journee"
WORK = Path(tempfile.mkdtemp(prefix="journee-bench-"))
BOOK = WORK / f"contributions-{ROWS}.xlsx"
# The mappings journee remembers across projects stay in the bench's own folder.
ENV = dict(os.environ, JOURNEE_DATA_DIR=str(WORK))

HEADERS = ["SID", "Heure de soumission", "Prénom", "Nom", "Courriel", "Structure",
           "Type de structure", "Format de contribution", "Axes", "Titre de la contribution",
           "Résumé", "Langue"]
FORMATS = ["Retour d'expériences", "Présentation de recherche", "Pitch/ Appel", "Centrifugeuses"]
KINDS = ["Collectivité territoriale", "Start-up", "Association", "Université"]


def write_book():
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Réponses")
    ws.append(HEADERS)
    for i in range(ROWS):
        ws.append([str(1000 + i), f"{1 + i % 28:02d}/01/2019 - {8 + i % 10:02d}:{i % 60:02d}",
                   f"Prénom{i}", f"Nom{i}", f"p{i}@example.org", f"Structure {i % 700}",
                   KINDS[i % 4], FORMATS[i % 4], f"{1 + i % 4}", f"Contribution n° {i} : un titre",
                   "Un résumé de quelques phrases, avec des accents é è à et une virgule, " * 3,
                   "Français"])
    wb.save(BOOK)


def journee_once():
    project = WORK / "p.journee"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{project}{suffix}").unlink(missing_ok=True)
    subprocess.run([JOURNEE, "new", project], check=True, capture_output=True, env=ENV)
    start = time.perf_counter()
    out = subprocess.run([JOURNEE, "import", project, BOOK, "--json"], check=True, capture_output=True,
                         env=ENV)
    elapsed = time.perf_counter() - start
    assert b'"new": %d' % ROWS in out.stdout, out.stdout[:300]
    return elapsed


def python_once():
    db = WORK / "reference.sqlite"
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.executescript("""
        PRAGMA journal_mode = WAL;
        CREATE TABLE people (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT, organisation TEXT);
        CREATE TABLE submissions (id INTEGER PRIMARY KEY, external_id TEXT UNIQUE, contact_id INTEGER,
            format TEXT, axes TEXT, actor_type TEXT, title TEXT, summary TEXT, language TEXT, submitted_at TEXT);
    """)
    wb = openpyxl.load_workbook(BOOK, read_only=True)
    rows = wb.active.iter_rows(values_only=True)
    next(rows)
    with conn:
        for r in rows:
            cur = conn.execute("INSERT INTO people (first_name, last_name, email, organisation) VALUES (?, ?, ?, ?)",
                               (r[2], r[3], r[4], r[5]))
            conn.execute("INSERT INTO submissions (external_id, contact_id, format, axes, actor_type, title, summary,"
                         " language, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (r[0], cur.lastrowid, r[7], r[8], r[6], r[9], r[10], r[11], r[1]))
    conn.close()
    return time.perf_counter() - start


def main():
    write_book()
    print(f"{ROWS} lignes, {BOOK.stat().st_size // 1024} Kio ({BOOK.name})")
    runs = 7
    ours, theirs = [], []
    for _ in range(runs):  # interleaved in pairs, so that both see the same machine
        ours.append(journee_once())
        theirs.append(python_once())
    a, b = statistics.median(ours), statistics.median(theirs)
    # The machine's speed drifts over seconds: each pair ran back to back, so the ratio
    # within a pair is the steadiest figure; the fastest runs say what each costs at best.
    pairs = statistics.median(t / o for o, t in zip(ours, theirs))
    print(f"journee import (Rust, calamine + rusqlite) : {a:.3f} s (médiane de {runs}, meilleur {min(ours):.3f} s)")
    print(f"openpyxl + sqlite3 (Python)                 : {b:.3f} s (médiane de {runs}, meilleur {min(theirs):.3f} s)")
    print(f"ratio : {pairs:.1f}x plus rapide (médiane des {runs} paires ; "
          f"{b / a:.1f}x entre médianes, {min(theirs) / min(ours):.1f}x entre meilleurs)")

main()

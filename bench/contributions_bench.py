"""Times `journee export contributions` on a project of ROWS submissions against Python's
XlsxWriter writing the same cells (read back from Journée's workbook beforehand, untimed)
with the same formats: bold shaded header row, frozen, autofilter, column widths, wrapped
text, real dates, row heights, A4 landscape print set-up with repeated titles. Interleaved
runs, medians."""

import csv
import datetime
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import xlsxwriter

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
ROOT = Path(__file__).resolve().parent.parent
JOURNEE = ROOT / "target/release/journee"
WORK = Path(tempfile.mkdtemp(prefix="journee-contributions-"))
FIRST = ["Anaïs", "Bérénice", "Chloé", "Élodie", "François", "Hélène", "Jérôme", "Maëlle", "Noémie", "Stéphane"]
LAST = ["Benali", "Da Silva", "de La Tour", "Lefèvre", "N'Diaye", "Nguyen", "Roux", "Zöllner", "Łukasik", "Dupont"]
ORGS = ["Ville de Villebrune", "Agence nationale de la participation", "Délibéra", "Collectif Transparence locale",
        "Université de Lutèce", "Conseil départemental de la Haute-Saône"]
FORMATS = ["Recherche", "Retour d'expérience", "Pitch", "Centrifugeuse"]
KINDS = ["Collectivité territoriale", "Start-up", "Association", "Université"]


def make_project():
    path = WORK / "formulaire.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["SID", "Heure de soumission", "Prénom", "Nom", "Courriel", "Structure", "Type de structure",
                    "Format", "Axes", "Titre", "Résumé"])
        for i in range(ROWS):
            w.writerow([i + 1, f"{1 + i % 28:02d}/01/2019 - {8 + i % 12:02d}:{i % 60:02d}", FIRST[i % 10],
                        LAST[(i // 10) % 10], f"p{i}@example.org", ORGS[i % 6], KINDS[i % 4], FORMATS[i % 4],
                        f"{1 + i % 4}, {1 + (i + 1) % 4}", f"Proposition n° {i} : une plateforme de participation",
                        "Un résumé de quelques lignes qui décrit le projet, ses publics et ses résultats. " * 3])
    project = WORK / "p.journee"
    subprocess.run([JOURNEE, "new", project, "--template", "empty"], check=True, capture_output=True)
    subprocess.run([JOURNEE, "import", project, path], check=True, capture_output=True)
    return project


def journee_once(project):
    out = WORK / "journee.xlsx"
    start = time.perf_counter()
    subprocess.run([JOURNEE, "export", project, "contributions", "--out", out], check=True, capture_output=True)
    return time.perf_counter() - start, out


def cells_of(path):
    """The cells, widths and row heights of Journée's workbook, to write them again."""
    book = openpyxl.load_workbook(path)
    sheet = book["Contributions"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    formats = [c.number_format for c in sheet[2]]
    wraps = [bool(c.alignment.wrap_text) for c in sheet[2]]
    widths = [sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(len(rows[0]))]
    heights = {r: d.height for r, d in sheet.row_dimensions.items() if d.height}
    return rows, formats, wraps, widths, heights


def xlsxwriter_once(rows, formats, wraps, widths, heights):
    out = WORK / "xlsxwriter.xlsx"
    start = time.perf_counter()
    book = xlsxwriter.Workbook(str(out))
    sheet = book.add_worksheet("Contributions")
    header = book.add_format({"bold": True, "bg_color": "#E3ECF7", "bottom": 1, "text_wrap": True, "valign": "top"})
    cell_formats = []
    for number, wrap in zip(formats, wraps):
        spec = {"valign": "top"}
        if number != "General":
            spec["num_format"] = number
        if wrap:
            spec["text_wrap"] = True
        cell_formats.append(book.add_format(spec))
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)
    for c, value in enumerate(rows[0]):
        sheet.write_string(0, c, value, header)
    for r, row in enumerate(rows[1:], start=1):
        if r + 1 in heights:
            sheet.set_row(r, heights[r + 1])
        for c, value in enumerate(row):
            if value is None:
                sheet.write_blank(r, c, None, cell_formats[c])
            elif isinstance(value, datetime.datetime):
                sheet.write_datetime(r, c, value, cell_formats[c])
            elif isinstance(value, (int, float)):
                sheet.write_number(r, c, value, cell_formats[c])
            else:
                sheet.write_string(r, c, str(value), cell_formats[c])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows) - 1, len(rows[0]) - 1)
    sheet.repeat_rows(0)
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    book.close()
    return time.perf_counter() - start, out


def main():
    project = make_project()
    _, first = journee_once(project)
    data = cells_of(first)
    assert len(data[0]) == ROWS + 1, f"{len(data[0])} rows"
    ours, theirs = [], []
    for _ in range(5):  # interleaved, so that both see the same machine
        t, ours_file = journee_once(project)
        ours.append(t)
        t, theirs_file = xlsxwriter_once(*data)
        theirs.append(t)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"Classeur Contributions, {ROWS} lignes x {len(data[0][0])} colonnes")
    print(f"journee export contributions (Rust, rust_xlsxwriter) : {a:.3f} s (médiane de 5), "
          f"{ours_file.stat().st_size / 1e6:.2f} Mo, lecture du projet comprise")
    print(f"XlsxWriter (Python), mêmes cellules                 : {b:.3f} s (médiane de 5), "
          f"{theirs_file.stat().st_size / 1e6:.2f} Mo, écriture seule")
    print(f"ratio : {b / a:.1f}x plus rapide")


main()

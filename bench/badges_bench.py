"""Times `journee export badges` (A4, 8 badges of 90 x 55 mm a sheet, cut marks) against a
ReportLab script drawing the same badges with the same font (Noto Sans, subset as ReportLab
does), in one run, interleaved. Both read the same people: the Rust side from the project
file, the Python side from the CSV the project was imported from."""

import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
ROOT = Path(__file__).resolve().parent.parent
JOURNEE = ROOT / "target/release/journee"
WORK = Path(tempfile.mkdtemp(prefix="journee-badges-"))
FIRST = ["Anaïs", "Bérénice", "Chloé", "Élodie", "François", "Hélène", "Jérôme", "Maëlle", "Noémie", "Stéphane"]
LAST = ["Benali", "Da Silva", "de La Tour", "Lefèvre", "N'Diaye", "Nguyen", "Roux", "Zöllner", "Łukasik", "Dupont-Aignan"]
ORGS = ["Ville de Villebrune", "Agence nationale de la participation", "Délibéra", "Collectif Transparence locale",
        "Université de Lutèce", "Conseil départemental de la Haute-Saône"]


def people():
    return [(FIRST[i % 10], f"{LAST[(i // 10) % 10]}", ORGS[i % 6], f"p{i}@example.org") for i in range(COUNT)]


def make_project():
    rows = people()
    path = WORK / "inscriptions.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Prénom", "Nom", "Structure", "Courriel"])
        w.writerows(rows)
    project = WORK / "p.journee"
    subprocess.run([JOURNEE, "new", project, "--template", "empty"], check=True, capture_output=True)
    subprocess.run([JOURNEE, "import", project, path, "--kind", "registrations"], check=True, capture_output=True)
    return project


def journee_once(project):
    out = WORK / "journee.pdf"
    start = time.perf_counter()
    subprocess.run([JOURNEE, "export", project, "badges", "--out", out], check=True, capture_output=True)
    return time.perf_counter() - start, out.stat().st_size


def fit(c, text, font, size, width, floor):
    while size > floor and c.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def reportlab_once():
    out = WORK / "reportlab.pdf"
    start = time.perf_counter()
    pdfmetrics.registerFont(TTFont("Noto", str(ROOT / "assets/fonts/NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("Noto-Bold", str(ROOT / "assets/fonts/NotoSans-Bold.ttf")))
    with open(WORK / "inscriptions.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";"))[1:]
    rows.sort(key=lambda r: (r[1].lower(), r[0].lower()))
    c = canvas.Canvas(str(out), pagesize=(210 * mm, 297 * mm))
    w, h, left, top = 90 * mm, 55 * mm, 15 * mm, 297 * mm - 38.5 * mm
    for i, (first, last, org, _email) in enumerate(rows):
        k = i % 8
        if i and k == 0:
            c.showPage()
        x, y = left + (k % 2) * w, top - (k // 2 + 1) * h
        pad = 4 * mm
        c.setFillColorRGB(0.36, 0.4, 0.45)
        c.setFont("Noto", 6.5)
        c.drawString(x + pad, y + h - pad - 5, "Journée de la civic tech et de l’engagement citoyen")
        c.setFont("Noto", 6)
        c.drawString(x + pad, y + h - pad - 12, "Lundi 18 mars 2019")
        c.setFillColorRGB(0.1, 0.14, 0.19)
        size = fit(c, first, "Noto-Bold", 20, w - 2 * pad, 14)
        c.setFont("Noto-Bold", size)
        c.drawString(x + pad, y + h - pad - 34, first)
        size = fit(c, last, "Noto", 13, w - 2 * pad, 9)
        c.setFont("Noto", size)
        c.drawString(x + pad, y + h - pad - 50, last)
        c.setFillColorRGB(0.36, 0.4, 0.45)
        size = fit(c, org, "Noto", 8.5, w - 2 * pad, 6)
        c.setFont("Noto", size)
        c.drawString(x + pad, y + h - pad - 63, org)
        c.setFillColorRGB(0.12, 0.38, 0.55)
        c.rect(x, y, w, 10 * mm, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Noto-Bold", 11)
        c.drawCentredString(x + w / 2, y + 10 * mm / 2 - 4, "Participant·e")
        if k == 7 or i == len(rows) - 1:
            c.setLineWidth(0.3)
            for cx in (left, left + w, left + 2 * w):
                c.line(cx, top + 2 * mm, cx, top + 7 * mm)
                c.line(cx, top - 4 * h - 2 * mm, cx, top - 4 * h - 7 * mm)
            for r in range(5):
                cy = top - r * h
                c.line(left - 7 * mm, cy, left - 2 * mm, cy)
                c.line(left + 2 * w + 2 * mm, cy, left + 2 * w + 7 * mm, cy)
    c.save()
    return time.perf_counter() - start, out.stat().st_size


def main():
    project = make_project()
    ours, theirs = [], []
    for _ in range(5):  # interleaved, so that both see the same machine
        t, ours_size = journee_once(project)
        ours.append(t)
        t, theirs_size = reportlab_once()
        theirs.append(t)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"{COUNT} badges, A4 8 par page")
    print(f"journee export badges (Rust, printpdf) : {a:.3f} s (médiane de 5), {ours_size / 1e6:.2f} Mo")
    print(f"ReportLab (Python)                    : {b:.3f} s (médiane de 5), {theirs_size / 1e6:.2f} Mo")
    print(f"ratio : {b / a:.1f}x plus rapide")


main()

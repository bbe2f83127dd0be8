// Draws PDF pages on canvases with pdf.js, offline: the worker ships with the app.
import * as pdfjs from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = pdfjs.PDFDocumentProxy;

export async function openPdf(data: ArrayBuffer): Promise<PdfDocument> {
  return pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
}

/** The text of a page, spaces made single, cut after about 600 characters. Read from the
 * stream by hand: pdf.js's getTextContent iterates it with `for await`, which this
 * WebKitGTK's streams do not offer. Without its text, a page is still named by number. */
async function pageText(page: pdfjs.PDFPageProxy): Promise<string> {
  const parts: string[] = [];
  try {
    const reader = page.streamTextContent().getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const item of value.items) if ("str" in item) parts.push(item.str);
    }
  } catch {
    return "";
  }
  const words = parts.join(" ").replace(/\s+/g, " ").trim();
  return words.length > 600 ? `${words.slice(0, 600)}…` : words;
}

/** Renders pages `from` to `from + count - 1` of `doc` into `container`, at `percent` of
 * their printed size (100: a page as large on screen as on paper), each named by
 * `describe` from its number and its text; `onPage` hears of each
 * page drawn (n of the pages to draw). Returns how many were drawn. */
export async function renderPages(
  doc: PdfDocument,
  container: HTMLElement,
  from: number,
  count: number,
  percent: number,
  describe: (n: number, text: string) => string,
  onPage: (done: number, total: number) => void = () => {},
): Promise<number> {
  const last = Math.min(doc.numPages, from + count - 1);
  const pages = Math.max(0, last - from + 1);
  onPage(0, pages);
  const canvases: HTMLCanvasElement[] = [];
  for (let n = from; n <= last; n++) {
    const page = await doc.getPage(n);
    // PDF points are 1/72 inch, CSS pixels 1/96.
    const css = page.getViewport({ scale: (percent / 100) * (96 / 72) });
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (percent / 100) * (96 / 72) * ratio });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    canvas.style.width = `${Math.round(css.width)}px`;
    canvas.className = "pdf-page";
    canvas.setAttribute("role", "img");
    // What the page holds, for whoever does not see it: its own words, in reading order.
    canvas.setAttribute("aria-label", describe(n, await pageText(page)));
    canvas.dataset.page = String(n);
    await page.render({ canvas, viewport }).promise;
    canvases.push(canvas);
    onPage(n - from + 1, pages);
  }
  container.replaceChildren(...canvases);
  return pages;
}

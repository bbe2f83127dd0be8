// Draws PDF pages on canvases with pdf.js, offline: the worker ships with the app.
import * as pdfjs from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Renders the first `max` pages of `data` into `container`, each `width` CSS pixels wide;
 * `onPage` hears of each page drawn (n of the pages to draw). */
export async function renderPages(
  data: ArrayBuffer,
  container: HTMLElement,
  max: number,
  width: number,
  onPage: (done: number, total: number) => void = () => {},
): Promise<number> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const pages = Math.min(doc.numPages, max);
  onPage(0, pages);
  const canvases: HTMLCanvasElement[] = [];
  for (let n = 1; n <= pages; n++) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (width / base.width) * ratio });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    canvas.className = "pdf-page";
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `Page ${n}`);
    canvas.dataset.page = String(n);
    await page.render({ canvas, viewport }).promise;
    canvases.push(canvas);
    onPage(n, pages);
  }
  container.replaceChildren(...canvases);
  await doc.destroy();
  return pages;
}

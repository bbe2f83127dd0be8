//! Lists printed as tables across pages: the sign-in sheets, the guest list, the run of
//! show. A title on each section's first page, the column headers repeated on every page,
//! rows as tall as their wrapped text (or the room a signature needs), and « page n/N »
//! with the event at the foot of each page (numbered within each section: a session's
//! sheets go to its room on their own).

use super::fonts::{Fonts, Weight};
use super::page::{Align, Sheet, INK, MUTED};
use super::text::{self, Fit};

pub const MARGIN: f32 = 12.0;
/// Body size: read at arm's length on a desk, in a hurry.
pub const BODY: f32 = 10.0;
/// The smallest a cell's text may shrink to before the preflight says so.
pub const READABLE: f32 = 7.0;
const RULE: u32 = 0xc8ccd2;
const HEADER_FILL: u32 = 0xe9ecf0;
const PAD: f32 = 1.6;
const FOOTER: f32 = 10.0;

#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    /// Millimetres; the last column takes what is left of the page.
    pub width: f32,
    pub weight: Weight,
}

pub fn column(header: &str, width: f32) -> Column {
    Column {
        header: header.to_string(),
        width,
        weight: Weight::Regular,
    }
}

/// A text of a cell that had to shrink below `READABLE`, for the preflight.
#[derive(Debug, Clone, PartialEq)]
pub struct Shrunk {
    pub text: String,
    pub size: f32,
}

/// A table being laid out on pages of one size.
pub struct Listing<'a> {
    fonts: &'a Fonts,
    width: f32,
    height: f32,
    columns: Vec<Column>,
    /// At the foot of every page: the event, the document.
    footer: String,
    /// Height of a row with nothing to write in (a signature, a tick).
    min_row: f32,
    sheets: Vec<Sheet>,
    cursor: f32,
    title: Option<(String, String)>,
    /// The first page of each section.
    sections: Vec<usize>,
    /// The most lines a cell wraps to before its text shrinks.
    pub max_lines: usize,
    pub shrunk: Vec<Shrunk>,
}

impl<'a> Listing<'a> {
    pub fn new(
        fonts: &'a Fonts,
        (width, height): (f32, f32),
        mut columns: Vec<Column>,
        footer: &str,
        min_row: f32,
    ) -> Listing<'a> {
        let used: f32 = columns.iter().rev().skip(1).map(|c| c.width).sum();
        if let Some(last) = columns.last_mut() {
            last.width = (width - 2.0 * MARGIN - used).max(10.0);
        }
        Listing {
            fonts,
            width,
            height,
            columns,
            footer: footer.to_string(),
            min_row,
            sheets: Vec::new(),
            cursor: 0.0,
            title: None,
            sections: Vec::new(),
            max_lines: 4,
            shrunk: Vec::new(),
        }
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER
    }

    /// A new section: a new page under a title (and a line under it), repeated small on
    /// the section's next pages.
    pub fn section(&mut self, title: &str, subtitle: &str) {
        self.title = Some((title.to_string(), subtitle.to_string()));
        self.sections.push(self.sheets.len());
        self.page(true);
    }

    fn page(&mut self, first: bool) {
        let mut sheet = Sheet::new(self.width, self.height);
        let mut y = MARGIN;
        if let Some((title, subtitle)) = &self.title {
            if first {
                let fitted = text::fit(
                    self.fonts,
                    title,
                    Fit {
                        weight: Weight::Bold,
                        width: self.width - 2.0 * MARGIN,
                        height: text::line_height(18.0) * 2.0,
                        size: 18.0,
                        readable: 12.0,
                        max_lines: 2,
                    },
                );
                sheet.lines(
                    self.fonts,
                    (MARGIN, y),
                    &fitted.lines,
                    Weight::Bold,
                    fitted.size,
                    INK,
                    Align::Left,
                );
                y += text::line_height(fitted.size) * fitted.lines.len() as f32;
                if !subtitle.is_empty() {
                    sheet.lines(
                        self.fonts,
                        (MARGIN, y),
                        std::slice::from_ref(subtitle),
                        Weight::Regular,
                        11.0,
                        MUTED,
                        Align::Left,
                    );
                    y += text::line_height(11.0);
                }
                y += 3.0;
            } else {
                let running = format!("{title} (suite)");
                sheet.lines(
                    self.fonts,
                    (MARGIN, y),
                    std::slice::from_ref(&running),
                    Weight::Bold,
                    BODY,
                    MUTED,
                    Align::Left,
                );
                y += text::line_height(BODY) + 2.0;
            }
        }
        self.sheets.push(sheet);
        self.cursor = y;
        self.header_row();
    }

    fn sheet(&mut self) -> &mut Sheet {
        if self.sheets.is_empty() {
            self.page(true);
        }
        self.sheets.last_mut().expect("a page")
    }

    fn header_row(&mut self) {
        let fonts = self.fonts;
        let headers: Vec<text::Fitted> = self
            .columns
            .iter()
            .map(|c| {
                text::fit_wrapped(
                    fonts,
                    &c.header,
                    Fit {
                        weight: Weight::Bold,
                        width: c.width - 2.0 * PAD,
                        height: text::line_height(9.0) * 2.0,
                        size: 9.0,
                        readable: 7.0,
                        max_lines: 2,
                    },
                )
            })
            .collect();
        let height = headers
            .iter()
            .map(|f| text::line_height(f.size) * f.lines.len() as f32)
            .fold(0.0, f32::max)
            + 2.0 * PAD;
        let (y, width) = (self.cursor, self.width);
        let widths: Vec<f32> = self.columns.iter().map(|c| c.width).collect();
        let sheet = self.sheets.last_mut().expect("a page");
        sheet.fill_rect(MARGIN, y, width - 2.0 * MARGIN, height, HEADER_FILL);
        let mut x = MARGIN;
        for (fitted, w) in headers.iter().zip(widths) {
            sheet.lines(
                fonts,
                (x + PAD, y + PAD),
                &fitted.lines,
                Weight::Bold,
                fitted.size,
                INK,
                Align::Left,
            );
            x += w;
        }
        self.cursor += height;
    }

    /// A heading across the table (a letter of the alphabet, a time of day), kept with
    /// the row after it.
    pub fn heading(&mut self, label: &str) {
        let height = text::line_height(11.0) + 2.0 * PAD;
        if self.sheets.is_empty() || self.cursor + height + self.min_row > self.bottom() {
            self.page(self.sheets.is_empty());
        }
        let (fonts, y) = (self.fonts, self.cursor);
        let label = label.to_string();
        let sheet = self.sheet();
        sheet.lines(
            fonts,
            (MARGIN + PAD, y + PAD),
            std::slice::from_ref(&label),
            Weight::Bold,
            11.0,
            INK,
            Align::Left,
        );
        self.cursor += height;
    }

    /// One row, a text per column; the row grows with its longest text (up to
    /// `max_lines`; beyond, the text shrinks and the preflight hears of it).
    pub fn row(&mut self, cells: &[String]) {
        let fitted: Vec<text::Fitted> = cells
            .iter()
            .zip(&self.columns)
            .map(|(cell, column)| {
                text::fit_wrapped(
                    self.fonts,
                    cell,
                    Fit {
                        weight: column.weight,
                        width: column.width - 2.0 * PAD,
                        height: text::line_height(BODY) * self.max_lines as f32,
                        size: BODY,
                        readable: READABLE,
                        max_lines: self.max_lines,
                    },
                )
            })
            .collect();
        for (cell, f) in cells.iter().zip(&fitted) {
            if f.too_small || f.size < READABLE {
                self.shrunk.push(Shrunk {
                    text: cell.clone(),
                    size: f.size,
                });
            }
        }
        let height = fitted
            .iter()
            .map(|f| text::line_height(f.size) * f.lines.len() as f32)
            .fold(0.0, f32::max)
            + 2.0 * PAD;
        let height = height.max(self.min_row);
        if self.sheets.is_empty() || self.cursor + height > self.bottom() {
            self.page(self.sheets.is_empty());
        }
        let (fonts, y, width) = (self.fonts, self.cursor, self.width);
        let columns = self.columns.clone();
        let sheet = self.sheet();
        let mut x = MARGIN;
        for (column, f) in columns.iter().zip(&fitted) {
            sheet.lines(
                fonts,
                (x + PAD, y + PAD),
                &f.lines,
                column.weight,
                f.size,
                INK,
                Align::Left,
            );
            x += column.width;
        }
        sheet.line(
            (MARGIN, y + height),
            (width - MARGIN, y + height),
            0.4,
            RULE,
        );
        let mut x = MARGIN;
        for column in &columns[..columns.len().saturating_sub(1)] {
            x += column.width;
            sheet.line((x, y), (x, y + height), 0.3, RULE);
        }
        self.cursor += height;
    }

    /// Empty rows to the end of the page, at least `at_least` of them (walk-ins sign here).
    pub fn blank_rows(&mut self, at_least: usize) {
        let empty = vec![String::new(); self.columns.len()];
        let mut written = 0;
        loop {
            let fits = self.cursor + self.min_row <= self.bottom();
            if written >= at_least && !fits {
                break;
            }
            self.row(&empty);
            written += 1;
            if written >= at_least && self.cursor + self.min_row > self.bottom() {
                break;
            }
        }
    }

    /// The pages, each with the event and « page n/N » of its section at its foot.
    pub fn finish(mut self) -> Vec<Sheet> {
        let count = self.sheets.len();
        let mut starts = self.sections.clone();
        if starts.first() != Some(&0) {
            starts.insert(0, 0);
        }
        for (i, sheet) in self.sheets.iter_mut().enumerate() {
            let section = starts.iter().rposition(|s| *s <= i).unwrap_or(0);
            let first = starts[section];
            let total = starts.get(section + 1).copied().unwrap_or(count) - first;
            let y = self.height - MARGIN;
            sheet.line((MARGIN, y - 5.0), (self.width - MARGIN, y - 5.0), 0.3, RULE);
            sheet.text(
                self.fonts,
                (MARGIN, y),
                &self.footer,
                Weight::Regular,
                8.0,
                MUTED,
                Align::Left,
            );
            sheet.text(
                self.fonts,
                (self.width - MARGIN, y),
                &format!("page\u{a0}{}/{}", i - first + 1, total),
                Weight::Regular,
                8.0,
                MUTED,
                Align::Right,
            );
        }
        self.sheets
    }
}

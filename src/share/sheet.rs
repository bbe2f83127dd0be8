//! One sheet of a workbook as a list: French headers in bold, frozen, with an autofilter,
//! widths set per column, real dates and times, long text wrapped, the header repeated on
//! every printed page. Every text goes in as a string cell: a contribution titled
//! "=HYPERLINK(…)" stays that text in Excel and LibreOffice, never a formula.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// Excel's limit for the text of one cell.
const MAX_CELL_TEXT: usize = 32_767;

/// A4 in Excel's paper codes.
const A4: u8 = 9;

/// What a column holds, which decides its cell format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Long text, wrapped in its cell.
    Wrapped,
    Number,
    Percent,
    Date,
    Time,
    DateTime,
    /// A box to sign or tick on paper: empty, framed.
    Box,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub header: Cow<'static, str>,
    pub width: f64,
    pub kind: Kind,
}

pub const fn column(header: &'static str, width: f64, kind: Kind) -> Column {
    Column {
        header: Cow::Borrowed(header),
        width,
        kind,
    }
}

/// A value for one cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Number(f64),
    Date(NaiveDate),
    Time(NaiveTime),
    DateTime(NaiveDateTime),
    Empty,
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(text: &'a str) -> Cell<'a> {
        Cell::Text(text)
    }
}

impl From<String> for Cell<'_> {
    fn from(text: String) -> Self {
        Cell::Owned(text)
    }
}

impl From<i64> for Cell<'_> {
    fn from(n: i64) -> Self {
        Cell::Number(n as f64)
    }
}

impl<'a, T: Into<Cell<'a>>> From<Option<T>> for Cell<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Cell::Empty, Into::into)
    }
}

/// The formats every sheet shares, made once per workbook.
pub struct Formats {
    header: Format,
    text: Format,
    wrapped: Format,
    number: Format,
    percent: Format,
    date: Format,
    time: Format,
    datetime: Format,
    boxed: Format,
    pub title: Format,
    pub merged: Format,
}

impl Default for Formats {
    fn default() -> Formats {
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(0xE3ECF7)
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            text: top.clone(),
            wrapped: top.clone().set_text_wrap(),
            number: top.clone().set_num_format("0"),
            percent: top.clone().set_num_format("0 %"),
            date: top.clone().set_num_format("dd/mm/yyyy"),
            time: top.clone().set_num_format("hh:mm"),
            datetime: top.clone().set_num_format("dd/mm/yyyy hh:mm"),
            boxed: top.clone().set_border(FormatBorder::Thin),
            title: Format::new().set_bold().set_font_size(14),
            merged: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Thin),
        }
    }
}

impl Formats {
    fn of(&self, kind: Kind) -> &Format {
        match kind {
            Kind::Text => &self.text,
            Kind::Wrapped => &self.wrapped,
            Kind::Number => &self.number,
            Kind::Percent => &self.percent,
            Kind::Date => &self.date,
            Kind::Time => &self.time,
            Kind::DateTime => &self.datetime,
            Kind::Box => &self.boxed,
        }
    }
}

/// A sheet being filled row by row.
pub struct List<'w> {
    sheet: &'w mut Worksheet,
    formats: &'w Formats,
    columns: &'w [Column],
    row: u32,
    /// The least height of a row in points (a signature needs room); 15, one line, else.
    pub row_height: f64,
}

impl<'w> List<'w> {
    /// Adds the sheet `name` to `workbook` with its header row.
    pub fn new(
        workbook: &'w mut Workbook,
        formats: &'w Formats,
        name: &str,
        columns: &'w [Column],
    ) -> Result<List<'w>, XlsxError> {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        for (c, column) in columns.iter().enumerate() {
            let c = c as u16;
            sheet.set_column_width(c, column.width)?;
            sheet.write_string_with_format(0, c, column.header.as_ref(), &formats.header)?;
        }
        let header_lines = columns
            .iter()
            .map(|c| lines_in(&c.header, c.width))
            .max()
            .unwrap_or(1);
        if header_lines > 1 {
            sheet.set_row_height(0, 15.0 * header_lines as f64)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_repeat_rows(0, 0)?;
        sheet.set_paper_size(A4);
        if columns.iter().map(|c| c.width).sum::<f64>() > 100.0 {
            sheet.set_landscape();
        }
        // One page wide, as many long as needed.
        sheet.set_print_fit_to_pages(1, 0);
        Ok(List {
            sheet,
            formats,
            columns,
            row: 1,
            row_height: 15.0,
        })
    }

    /// Writes one row, a value per column in order, as tall as its longest wrapped text
    /// (a wrapped row without a height prints over the next one in LibreOffice).
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) -> Result<(), XlsxError> {
        let cells: Vec<Cell<'a>> = cells.into_iter().collect();
        let lines = self.lines_for(&cells);
        for (c, cell) in cells.iter().enumerate() {
            self.cell(c as u16, cell)?;
        }
        self.next_row(lines)
    }

    /// The lines the longest wrapped text of these cells (in column order) takes.
    pub fn lines_for(&self, cells: &[Cell]) -> usize {
        cells
            .iter()
            .zip(self.columns)
            .filter(|(_, column)| column.kind == Kind::Wrapped)
            .filter_map(|(cell, column)| match cell {
                Cell::Text(t) => Some(lines_in(t, column.width)),
                Cell::Owned(t) => Some(lines_in(t, column.width)),
                _ => None,
            })
            .max()
            .unwrap_or(1)
    }

    /// One cell of the current row, in its column's format.
    pub fn cell(&mut self, col: u16, cell: &Cell) -> Result<(), XlsxError> {
        let kind = self
            .columns
            .get(col as usize)
            .map_or(Kind::Text, |c| c.kind);
        write(self.sheet, self.formats.of(kind), self.row, col, cell)
    }

    /// Text across columns `first..=last` of the current row.
    pub fn merged(&mut self, first: u16, last: u16, text: &str) -> Result<(), XlsxError> {
        if first == last {
            return self.cell(first, &Cell::Text(text));
        }
        let text = crate::safe_text::for_xml(text);
        self.sheet
            .merge_range(self.row, first, self.row, last, &text, &self.formats.merged)?;
        Ok(())
    }

    /// Moves to the next row; `lines` of wrapped text make the row that much taller
    /// (Excel does not grow rows by itself when it opens a file).
    pub fn next_row(&mut self, lines: usize) -> Result<(), XlsxError> {
        let height = (15.0 * lines.min(20) as f64).max(self.row_height);
        if height > 15.0 {
            self.sheet.set_row_height(self.row, height)?;
        }
        self.row += 1;
        Ok(())
    }

    /// Ends the list: an autofilter over what was written.
    pub fn finish(self) -> Result<&'w mut Worksheet, XlsxError> {
        let last_col = self.columns.len().saturating_sub(1) as u16;
        self.sheet
            .autofilter(0, 0, self.row.saturating_sub(1).max(1), last_col)?;
        Ok(self.sheet)
    }
}

/// One cell, text always as a string cell, cut at Excel's limit rather than refused.
pub fn write(
    sheet: &mut Worksheet,
    format: &Format,
    row: u32,
    col: u16,
    cell: &Cell,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) => text_cell(sheet, format, row, col, text),
        Cell::Owned(text) => text_cell(sheet, format, row, col, text),
        Cell::Number(n) => sheet
            .write_number_with_format(row, col, *n, format)
            .map(|_| ()),
        Cell::Date(d) => sheet
            .write_datetime_with_format(row, col, d, format)
            .map(|_| ()),
        Cell::Time(t) => sheet
            .write_datetime_with_format(row, col, t, format)
            .map(|_| ()),
        Cell::DateTime(dt) => sheet
            .write_datetime_with_format(row, col, dt, format)
            .map(|_| ()),
        Cell::Empty => sheet.write_blank(row, col, format).map(|_| ()),
    }
}

fn text_cell(
    sheet: &mut Worksheet,
    format: &Format,
    row: u32,
    col: u16,
    text: &str,
) -> Result<(), XlsxError> {
    let text = crate::safe_text::for_xml(text);
    if text.is_empty() {
        sheet.write_blank(row, col, format)?;
        return Ok(());
    }
    let text = if text.chars().count() > MAX_CELL_TEXT {
        let cut: String = text.chars().take(MAX_CELL_TEXT - 1).collect();
        Cow::Owned(cut + "…")
    } else {
        text
    };
    sheet.write_string_with_format(row, col, text.as_ref(), format)?;
    Ok(())
}

/// How many lines `text` takes in a wrapped column `width` characters wide.
pub fn lines_in(text: &str, width: f64) -> usize {
    // A column width counts digits of the default font; words wrap before the edge.
    let per_line = (width * 0.9).max(1.0) as usize;
    text.lines()
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum::<usize>()
        .max(1)
}

/// A new workbook, its creation date the document time (`output::made_at`).
pub fn workbook() -> rust_xlsxwriter::Workbook {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let properties =
        rust_xlsxwriter::DocProperties::new().set_creation_datetime(&crate::output::made_at());
    workbook.set_properties(&properties);
    workbook
}

/// A print header and footer on every sheet: the event and the sheet's name at the top,
/// the page and the page count at the bottom.
pub fn print_titles(workbook: &mut rust_xlsxwriter::Workbook, event: &str) {
    // In a header, « & » starts a code: written « && ». Excel takes 255 characters at most.
    let event: String = event.replace('&', "&&").chars().take(180).collect();
    for sheet in workbook.worksheets_mut() {
        sheet.set_header(format!("&L{event}&R&A"));
        sheet.set_footer("&CPage &P sur &N");
    }
}

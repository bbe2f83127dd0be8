//! A sheet read on a thread of its own while the import works on it: the first rows are
//! at hand to find the layout, the others arrive in batches. On two cores, parsing a large
//! workbook then overlaps with writing it into the project instead of coming before it.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::Scope;

use super::error::ReadError;
use super::layout::TOP_ROWS;
use super::read::{self, RowSink};
use super::table::{Table, Value};

/// Rows travel in batches: one message per row costs more in waking the other thread
/// than the row itself.
const BATCH: usize = 256;

enum Part {
    Start {
        sheet: Table,
        expected_rows: Option<usize>,
    },
    Rows(Vec<Vec<Value>>),
    /// The sheet was read to its end. A channel that closes without it is a reader
    /// that stopped half-way: never taken for the end of the sheet.
    Done,
}

/// The sheet being imported: its first rows in `table`, the rest still coming.
pub struct Source {
    /// The sheet, with the rows received so far (at least `TOP_ROWS` when it has them).
    pub table: Table,
    /// How many rows the file says the sheet has (for progress; may be wrong), when it
    /// says.
    pub expected_rows: Option<usize>,
    rest: Option<Receiver<Result<Part, ReadError>>>,
}

impl Source {
    /// A sheet already read whole.
    pub fn whole(table: Table) -> Source {
        Source {
            expected_rows: Some(table.rows.len()),
            table,
            rest: None,
        }
    }

    /// Starts reading `bytes` on a thread of `scope`; returns once the first rows are in.
    /// Dropping the source stops the reading.
    pub fn read<'scope>(
        scope: &'scope Scope<'scope, '_>,
        bytes: &'scope [u8],
        sheet: Option<&'scope str>,
    ) -> Result<Source, ReadError> {
        let (send, receive) = sync_channel(8);
        // Named, so that a profile or a debugger tells the threads of an import apart.
        std::thread::Builder::new()
            .name("import-fichier".into())
            .spawn_scoped(scope, move || {
                let mut sink = Sender {
                    send,
                    batch: Vec::new(),
                    sent: 0,
                };
                match read::read_into(bytes, sheet, &mut sink) {
                    Ok(()) => {
                        if sink.flush() {
                            let _ = sink.send.send(Ok(Part::Done));
                        }
                    }
                    Err(e) => {
                        let _ = sink.send.send(Err(e));
                    }
                }
            })
            // As `scope.spawn` does: a machine that cannot start a thread is not a file's fault.
            .expect("a thread to read the file");
        let (sheet, expected_rows) = match receive.recv() {
            Ok(Ok(Part::Start {
                sheet,
                expected_rows,
            })) => (sheet, expected_rows),
            Ok(Err(e)) => return Err(e),
            // The reader ends without a sheet only by failing, which it says first.
            Ok(Ok(Part::Rows(_) | Part::Done)) | Err(_) => return Err(ReadError::Empty),
        };
        let mut source = Source {
            table: sheet,
            expected_rows,
            rest: Some(receive),
        };
        source.fill(TOP_ROWS)?;
        Ok(source)
    }

    /// Waits until `rows` rows are at hand, or all of them.
    pub fn fill(&mut self, rows: usize) -> Result<(), ReadError> {
        while self.table.rows.len() < rows {
            match self.next_batch()? {
                Some(batch) => self.table.rows.extend(batch),
                None => break,
            }
        }
        Ok(())
    }

    /// Every row is at hand.
    pub fn is_whole(&self) -> bool {
        self.rest.is_none()
    }

    fn next_batch(&mut self) -> Result<Option<Vec<Vec<Value>>>, ReadError> {
        let Some(rest) = &self.rest else {
            return Ok(None);
        };
        match rest.recv() {
            Ok(Ok(Part::Rows(batch))) => Ok(Some(batch)),
            Ok(Err(e)) => {
                self.rest = None;
                Err(e)
            }
            Ok(Ok(Part::Done)) => {
                self.rest = None;
                Ok(None)
            }
            Ok(Ok(Part::Start { .. })) | Err(_) => {
                self.rest = None;
                Err(ReadError::Damaged(
                    "la lecture s'est arrêtée avant la fin de la feuille".into(),
                ))
            }
        }
    }

    /// The whole sheet, once every row is in.
    pub fn into_table(mut self) -> Result<Table, ReadError> {
        while let Some(batch) = self.next_batch()? {
            self.table.rows.extend(batch);
        }
        Ok(self.table)
    }

    /// The rows from index `first` on, in batches: those at hand, then the rest as they
    /// arrive.
    pub fn rows_from(
        mut self,
        first: usize,
    ) -> impl Iterator<Item = Result<Vec<Vec<Value>>, ReadError>> {
        let head: Vec<Vec<Value>> = self
            .table
            .rows
            .drain(first.min(self.table.rows.len())..)
            .collect();
        let mut failed = false;
        std::iter::once(Ok(head)).chain(std::iter::from_fn(move || {
            if failed {
                return None;
            }
            match self.next_batch() {
                Ok(batch) => batch.map(Ok),
                Err(e) => {
                    failed = true;
                    Some(Err(e))
                }
            }
        }))
    }
}

/// The reading thread's end of the channel.
struct Sender {
    send: SyncSender<Result<Part, ReadError>>,
    batch: Vec<Vec<Value>>,
    sent: usize,
}

impl Sender {
    fn flush(&mut self) -> bool {
        if self.batch.is_empty() {
            return true;
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        self.sent += batch.len();
        self.send.send(Ok(Part::Rows(batch))).is_ok()
    }
}

impl RowSink for Sender {
    fn start(&mut self, sheet: Table, expected_rows: Option<usize>) -> bool {
        self.send
            .send(Ok(Part::Start {
                sheet,
                expected_rows,
            }))
            .is_ok()
    }

    fn row(&mut self, row: Vec<Value>) -> bool {
        self.batch.push(row);
        // The top rows go as soon as they are read: the import finds the layout from
        // them while the rest is parsed.
        let size = if self.sent < TOP_ROWS {
            TOP_ROWS
        } else {
            BATCH
        };
        self.batch.len() < size || self.flush()
    }
}

//! What the tool prints: pretty JSON (default), a plain table for lists, or one JSON value a
//! line for streams; progress for long jobs. Nothing here writes colours or escape codes
//! unless stderr is a terminal (the progress bar), so piped output is plain.

use std::io::{IsTerminal, Write};

use futures_util::{Stream, StreamExt};
use serde::Serialize;
use serde_json::Value;

use crate::error::{CliError, code};

/// The output format chosen with `--output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Pretty-printed JSON (one document).
    #[default]
    Json,
    /// A plain text table (lists; a single object prints as key/value rows).
    Table,
    /// One compact JSON value a line; lists and streams print an item a line as it arrives.
    Jsonl,
}

/// Writes results to stdout in the chosen format.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// The format.
    pub format: Format,
}

fn io_error(e: std::io::Error) -> CliError {
    CliError::new(code::OTHER, "output", e.to_string())
}

fn to_value<T: Serialize>(value: &T) -> Result<Value, CliError> {
    serde_json::to_value(value).map_err(|e| CliError::new(code::OTHER, "output", e.to_string()))
}

impl Output {
    /// Prints one result.
    pub fn emit<T: Serialize>(&self, value: &T) -> Result<(), CliError> {
        let value = to_value(value)?;
        let mut out = std::io::stdout().lock();
        match self.format {
            Format::Json => {
                let text = serde_json::to_string_pretty(&value)
                    .map_err(|e| CliError::new(code::OTHER, "output", e.to_string()))?;
                writeln!(out, "{text}").map_err(io_error)
            }
            Format::Jsonl => match value {
                Value::Array(items) => {
                    for item in items {
                        writeln!(out, "{item}").map_err(io_error)?;
                    }
                    Ok(())
                }
                other => writeln!(out, "{other}").map_err(io_error),
            },
            Format::Table => write!(out, "{}", table(&value)).map_err(io_error),
        }
    }

    /// Prints a list that arrives item by item: `jsonl` prints each as it comes, the other
    /// formats collect first. Stops at the first error, after printing what came before.
    pub async fn emit_stream<T, S, E>(&self, stream: S, mut on_error: E) -> Result<(), CliError>
    where
        T: Serialize,
        S: Stream<Item = Result<T, partner_core::Error>>,
        E: FnMut(partner_core::Error) -> CliError,
    {
        let mut stream = std::pin::pin!(stream);
        let mut items = Vec::new();
        while let Some(item) = stream.next().await {
            let item = item.map_err(&mut on_error)?;
            if self.format == Format::Jsonl {
                let line = to_value(&item)?;
                let mut out = std::io::stdout().lock();
                writeln!(out, "{line}").map_err(io_error)?;
                out.flush().map_err(io_error)?;
            } else {
                items.push(to_value(&item)?);
            }
        }
        if self.format == Format::Jsonl {
            Ok(())
        } else {
            self.emit(&items)
        }
    }

    /// Prints one event of a long-running command (the webhook listener): always one compact
    /// line, flushed, except in `json` format where it is pretty-printed.
    pub fn event<T: Serialize>(&self, value: &T) -> Result<(), CliError> {
        let value = to_value(value)?;
        let mut out = std::io::stdout().lock();
        match self.format {
            Format::Json => {
                let text = serde_json::to_string_pretty(&value)
                    .map_err(|e| CliError::new(code::OTHER, "output", e.to_string()))?;
                writeln!(out, "{text}").map_err(io_error)?;
            }
            Format::Jsonl | Format::Table => writeln!(out, "{value}").map_err(io_error)?,
        }
        out.flush().map_err(io_error)
    }

    /// The answer of a call that returns nothing: `{"operation": .., "ok": true}`.
    pub fn done(&self, operation: &str) -> Result<(), CliError> {
        self.emit(&serde_json::json!({ "operation": operation, "ok": true }))
    }
}

/// A cell: scalars as text, nested values as compact JSON cut to 40 characters.
fn cell(value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(_) | Value::Number(_) => value.to_string(),
        nested => nested.to_string(),
    };
    text.replace(['\n', '\r', '\t'], " ")
}

/// Cuts a cell to 40 characters (all columns but the last).
fn cut(text: &str) -> String {
    if text.chars().count() > 40 {
        let cut: String = text.chars().take(39).collect();
        format!("{cut}…")
    } else {
        text.to_owned()
    }
}

/// Columns shown first when present; the rest follow in key order.
const FIRST_COLUMNS: [&str; 4] = ["row", "id", "name", "label"];

/// Renders a value as a plain table: a list of objects with one column per key (in order
/// of first appearance), a single object as KEY/VALUE rows, anything else as JSON.
pub fn table(value: &Value) -> String {
    let (header, rows): (Vec<String>, Vec<Vec<String>>) = match value {
        Value::Array(items) if items.iter().all(Value::is_object) => {
            let mut columns: Vec<String> = Vec::new();
            for first in FIRST_COLUMNS {
                if items.iter().any(|i| i.get(first).is_some()) {
                    columns.push(first.to_owned());
                }
            }
            for item in items {
                if let Value::Object(map) = item {
                    for key in map.keys() {
                        if !columns.contains(key) {
                            columns.push(key.clone());
                        }
                    }
                }
            }
            let rows = items
                .iter()
                .map(|item| {
                    columns
                        .iter()
                        .map(|c| item.get(c).map(cell).unwrap_or_default())
                        .collect()
                })
                .collect();
            (columns, rows)
        }
        Value::Array(items) => (
            vec!["VALUE".to_owned()],
            items.iter().map(|v| vec![cell(v)]).collect(),
        ),
        Value::Object(map) => (
            vec!["KEY".to_owned(), "VALUE".to_owned()],
            map.iter().map(|(k, v)| vec![k.clone(), cell(v)]).collect(),
        ),
        other => return format!("{other}\n"),
    };
    let header: Vec<String> = header.iter().map(|h| h.to_uppercase()).collect();
    let last = header.len().saturating_sub(1);
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .enumerate()
                .map(|(i, c)| if i < last { cut(&c) } else { c })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(w - c.chars().count() + 2));
            }
        }
        s.trim_end().to_owned() + "\n"
    };
    let mut out = line(&header);
    for row in &rows {
        out.push_str(&line(row));
    }
    out
}

/// Progress of a job of `total` steps on stderr: a bar when stderr is a terminal, else one
/// plain line per step (no escape codes), so logs and CI stay readable.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    label: String,
    unit: String,
    total: u64,
    done: u64,
}

impl Progress {
    /// Starts a job.
    pub fn new(label: &str, total: u64, unit: &str) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total);
            let style = indicatif::ProgressStyle::with_template(&format!(
                "{label} [{{bar:30}}] {{pos}}/{{len}} {unit} {{msg}}"
            ))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> ");
            bar.set_style(style);
            bar
        });
        if bar.is_none() {
            eprintln!("{label}: 0/{total} {unit}");
        }
        Progress {
            bar,
            label: label.to_owned(),
            unit: unit.to_owned(),
            total,
            done: 0,
        }
    }

    /// Advances by `n` steps with a note (`chunk 2/3: 1000 created`).
    pub fn advance(&mut self, n: u64, note: &str) {
        self.done += n;
        match &self.bar {
            Some(bar) => {
                bar.set_message(note.to_owned());
                bar.inc(n);
            }
            None => eprintln!(
                "{}: {}/{} {} {note}",
                self.label, self.done, self.total, self.unit
            ),
        }
    }

    /// Ends the bar (nothing to do for plain lines).
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lists_of_objects_become_aligned_tables() {
        let t = table(&json!([{"name": "Johor", "id": 1}, {"id": 22, "extra": [1, 2]}]));
        assert_eq!(t, "ID  NAME   EXTRA\n1   Johor\n22         [1,2]\n");
        let long = "x".repeat(50);
        let t = table(&json!([{"a": long, "b": long}]));
        assert_eq!(t.lines().nth(1).unwrap().chars().count(), 40 + 2 + 50);
    }

    #[test]
    fn objects_become_key_value_rows() {
        let t = table(&json!({"a": "x", "b": null}));
        assert_eq!(t, "KEY  VALUE\na    x\nb\n");
    }
}

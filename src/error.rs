/*!
The one public error type.

Every fallible library call returns [`Error`]: a [`ErrorKind`] callers can
match on, the [`Location`] it concerns (file, line, byte offset, field) and a
message written for a person. Bad input is reported per file or record; the
pipeline carries on with the rest (see [`crate::model::Diagnostic`]).
*/

use std::fmt;
use std::path::{Path, PathBuf};

/// Result alias for the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, broadly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file or stream failed.
    Io,
    /// Input could not be parsed (JSON, CSV, front matter, HTML).
    Parse,
    /// A date or time value could not be understood.
    Date,
    /// Input is not text (binary, invalid UTF-8) or is empty.
    Input,
    /// Bad command-line usage or configuration.
    Usage,
    /// Another process holds the output lock.
    Locked,
    /// Rendering an output failed.
    Render,
    /// A bug: an internal invariant did not hold.
    Internal,
}

/// Where an error is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// File concerned.
    pub path: Option<PathBuf>,
    /// 1-based line.
    pub line: Option<usize>,
    /// Byte offset.
    pub byte: Option<usize>,
    /// Field or column name.
    pub field: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut wrote = false;
        if let Some(p) = &self.path {
            write!(f, "{}", p.display())?;
            wrote = true;
        }
        if let Some(l) = self.line {
            write!(f, "{}line {l}", if wrote { ":" } else { "" })?;
            wrote = true;
        } else if let Some(b) = self.byte {
            write!(f, "{}byte {b}", if wrote { ": " } else { "" })?;
            wrote = true;
        }
        if let Some(field) = &self.field {
            write!(f, "{}field `{field}`", if wrote { ": " } else { "" })?;
        }
        Ok(())
    }
}

/// The crate's error.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    location: Location,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl Error {
    /// A new error of `kind` with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, location: Location::default(), message: message.into(), source: None }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, err: std::io::Error) -> Self {
        let msg = err.to_string();
        Error::new(ErrorKind::Io, msg).with_path(path).with_source(err)
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Usage, message)
    }

    /// Attach the file concerned.
    pub fn with_path(mut self, path: impl AsRef<Path>) -> Self {
        self.location.path = Some(path.as_ref().to_path_buf());
        self
    }

    /// Attach the 1-based line concerned.
    pub fn with_line(mut self, line: usize) -> Self {
        self.location.line = Some(line);
        self
    }

    /// Attach the byte offset concerned.
    pub fn with_byte(mut self, byte: usize) -> Self {
        self.location.byte = Some(byte);
        self
    }

    /// Attach the field concerned.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.location.field = Some(field.into());
        self
    }

    /// Attach an underlying cause.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Where it is.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The message, without location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = self.location.to_string();
        if loc.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{loc}: {}", self.message)
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<std::io::Error> for Error {
    #[cold]
    fn from(err: std::io::Error) -> Self {
        Error::new(ErrorKind::Io, err.to_string()).with_source(err)
    }
}

impl From<serde_json::Error> for Error {
    #[cold]
    fn from(err: serde_json::Error) -> Self {
        let line = err.line();
        let e = Error::new(ErrorKind::Parse, err.to_string()).with_source(err);
        if line > 0 {
            e.with_line(line)
        } else {
            e
        }
    }
}

impl From<csv::Error> for Error {
    #[cold]
    fn from(err: csv::Error) -> Self {
        let line = err.position().map(|p| p.line() as usize);
        let e = Error::new(ErrorKind::Parse, err.to_string()).with_source(err);
        match line {
            Some(l) => e.with_line(l),
            None => e,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_field() {
        let e = Error::new(ErrorKind::Date, "cannot read `31 February`")
            .with_path("a/b.jsonl")
            .with_line(7)
            .with_field("published");
        assert_eq!(e.to_string(), "a/b.jsonl:line 7: field `published`: cannot read `31 February`");
        assert_eq!(e.kind(), ErrorKind::Date);
    }

    #[test]
    fn display_without_location_is_the_message() {
        assert_eq!(Error::usage("no input").to_string(), "no input");
    }
}

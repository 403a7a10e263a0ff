/*!
Writing the site: every output rendered, written to a temporary directory,
and moved into place, under a lock.

A cron job rebuilds the site every hour while people read it, so:

- **Nothing half-written.** Each output is rendered and written in full to a
  temporary directory inside the output directory (same file system), synced,
  then renamed over the old file. A killed or failed build leaves the
  previous files in place; its temporary directory is removed by the next
  build.
- **One writer at a time.** `DIR/.dateline.lock` is locked (an advisory OS
  lock, released when the process ends, even when killed) for the whole
  write. A second build into the same directory waits at most
  [`LOCK_WAIT`], then fails with [`ErrorKind::Locked`] and a message naming
  the lock and the process holding it, rather than interleaving.
- **Byte-identical rebuilds.** Outputs depend only on the entries (sorted
  into timeline order here) and the options; there is no time in them unless
  a stamp is given. A file whose bytes did not change is not touched, so its
  modification time keeps meaning "last changed".
- **What changed.** `DIR/.dateline-state.json` keeps a hash of each entry;
  the next build compares against it to count new, changed and removed
  events.
*/

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{csv, fields, html, json, timelinejs};
use crate::model::TimelineEntry;
use crate::timeline::Merged;
use crate::{Error, ErrorKind, Result};

/// The page title when none is given.
pub const DEFAULT_TITLE: &str = "Diplomatic timeline";
/// The lock file inside the output directory.
pub const LOCK_FILE: &str = ".dateline.lock";
/// How long a build waits for another one's lock before giving up.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);
/// The state file inside the output directory.
pub const STATE_FILE: &str = ".dateline-state.json";
/// Prefix of the temporary directories a build writes into.
pub const TEMP_PREFIX: &str = ".dateline-tmp-";
/// The outputs, in the order they are moved into place: the page last, so a
/// reader who sees the new page finds the new data files beside it.
pub const OUTPUTS: [&str; 4] = ["events.csv", "events.json", "timelinejs.json", "index.html"];

/// How the site is written.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// Start the CSV with a UTF-8 BOM, for Excel.
    pub excel: bool,
    /// Build time to write into the page and `events.json`; `None` keeps
    /// rebuilds byte-identical.
    pub stamp: Option<String>,
    /// Page title; empty means the default ([`DEFAULT_TITLE`]).
    pub title: String,
}

/// What happened to one output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// File name inside the output directory.
    pub name: &'static str,
    /// Size in bytes.
    pub bytes: usize,
    /// False when the file already held exactly these bytes (left alone).
    pub changed: bool,
}

/// What a site write did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteReport {
    /// Entries written.
    pub events: usize,
    /// Entries whose id the previous build did not have.
    pub new: usize,
    /// Entries whose content differs from the previous build.
    pub changed: usize,
    /// Ids of the previous build that are gone.
    pub removed: usize,
    /// True when the directory held no earlier build state.
    pub first_build: bool,
    /// Each output file.
    pub files: Vec<FileReport>,
}

#[derive(Serialize, Deserialize)]
struct State {
    format: String,
    version: u32,
    /// event id → short content hash.
    entries: BTreeMap<String, String>,
}

const STATE_FORMAT: &str = "dateline-state";

/// Render every output of `entries` into `dir` (created when missing), under
/// the directory's lock, atomically per file. `entries` may come in any
/// order; they are written in timeline order.
///
/// # Errors
///
/// [`ErrorKind::Locked`] when another process holds the lock;
/// [`ErrorKind::Io`] when the directory or a file cannot be written (the
/// previous site is then left as it was); [`ErrorKind::Render`] when a
/// template fails.
pub fn write_site(dir: &Path, entries: &[TimelineEntry], opts: &SiteOptions) -> Result<SiteReport> {
    let sorted = fields::sorted(entries);
    write_site_from(dir, &Sorted(&sorted), opts)
}

/// [`write_site`] for a merge held compact ([`Merged`]): the entries are put
/// in timeline order and expanded one at a time, and every output is
/// streamed to its file, so memory holds the compact merge plus per-entry
/// indexes (the page's script index, the change-tracking state), never a
/// whole output or all entries expanded.
///
/// # Errors
///
/// As [`write_site`].
pub fn write_site_merged(dir: &Path, mut merged: Merged, opts: &SiteOptions) -> Result<SiteReport> {
    merged.sort_by(fields::cmp_events);
    write_site_from(dir, &merged, opts)
}

/// Entries in timeline order, replayed as often as the writer needs (it
/// reads them twice: totals first, then the outputs).
trait Entries {
    fn each(&self, f: &mut dyn FnMut(&TimelineEntry) -> Result<()>) -> Result<()>;
}

struct Sorted<'a>(&'a [&'a TimelineEntry]);

impl Entries for Sorted<'_> {
    fn each(&self, f: &mut dyn FnMut(&TimelineEntry) -> Result<()>) -> Result<()> {
        self.0.iter().try_for_each(|e| f(e))
    }
}

impl Entries for Merged {
    fn each(&self, f: &mut dyn FnMut(&TimelineEntry) -> Result<()>) -> Result<()> {
        self.entries().try_for_each(|e| f(&e))
    }
}

fn write_site_from(dir: &Path, entries: &dyn Entries, opts: &SiteOptions) -> Result<SiteReport> {
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let _lock = lock(dir)?;
    remove_stale_temps(dir);

    let tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempdir_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    let hashes = render_all(tmp.path(), entries, opts)?;

    let mut files = Vec::with_capacity(OUTPUTS.len());
    let mut moves: Vec<(PathBuf, PathBuf)> = Vec::new();
    for name in OUTPUTS {
        let target = dir.join(name);
        let staged = tmp.path().join(name);
        let bytes = fs::metadata(&staged).map_err(|e| Error::io(&staged, e))?.len() as usize;
        let changed = !same_file(&target, &staged);
        if changed {
            moves.push((staged, target));
        }
        files.push(FileReport { name, bytes, changed });
    }

    let state_path = dir.join(STATE_FILE);
    let previous = read_state(&state_path);
    let state = State { format: STATE_FORMAT.to_string(), version: 1, entries: hashes };
    let mut report = diff(previous.as_ref(), &state);
    drop(previous);
    report.files = files;
    let mut state_bytes = serde_json::to_vec_pretty(&state)?;
    drop(state);
    state_bytes.push(b'\n');
    if !same_bytes(&state_path, &state_bytes) {
        let staged = tmp.path().join(STATE_FILE);
        write_synced(&staged, &state_bytes)?;
        moves.push((staged, state_path));
    }

    for (from, to) in &moves {
        fs::rename(from, to).map_err(|e| Error::io(to, e))?;
    }
    if !moves.is_empty() {
        // Make the renames themselves durable.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    tmp.close().map_err(|e| Error::io(dir, e))?;
    Ok(report)
}

/// Render the four outputs into `tmp` (named as in [`OUTPUTS`]), streaming:
/// one pass over the entries for the totals the outputs open with, one to
/// write every file an entry at a time. Returns each entry's content hash
/// by event id (the state file).
fn render_all(
    tmp: &Path,
    entries: &dyn Entries,
    opts: &SiteOptions,
) -> Result<BTreeMap<String, String>> {
    let title = if opts.title.is_empty() { DEFAULT_TITLE } else { &opts.title };
    let stamp = opts.stamp.as_deref();

    let mut page_totals = html::PageTotals::default();
    let mut tl_totals = timelinejs::Totals::default();
    let mut count = 0usize;
    entries.each(&mut |e| {
        count += 1;
        page_totals.add(e);
        tl_totals.add(e);
        Ok(())
    })?;

    let [csv_name, json_name, tl_name, page_name] = OUTPUTS;
    let mut csv_w = csv::Writer::start(staged(tmp, csv_name)?, opts.excel)?;
    let mut json_w = json::Writer::start(staged(tmp, json_name)?, count, stamp)?;
    let mut tl_w = timelinejs::Writer::start(staged(tmp, tl_name)?, title, &tl_totals)?;
    let mut page_w = html::PageWriter::start(
        staged(tmp, page_name)?,
        page_totals,
        &html::PageOptions { title, stamp },
    )?;
    let mut hashes = BTreeMap::new();
    entries.each(&mut |e| {
        csv_w.entry(e)?;
        json_w.entry(e)?;
        tl_w.entry(e)?;
        page_w.entry(e)?;
        hashes.insert(e.event_id.clone(), entry_hash(e));
        Ok(())
    })?;
    close_staged(tmp, csv_name, csv_w.finish()?)?;
    close_staged(tmp, json_name, json_w.finish()?)?;
    close_staged(tmp, tl_name, tl_w.finish()?)?;
    close_staged(tmp, page_name, page_w.finish()?)?;
    Ok(hashes)
}

fn staged(tmp: &Path, name: &str) -> Result<BufWriter<File>> {
    let path = tmp.join(name);
    let f = File::create(&path).map_err(|e| Error::io(&path, e))?;
    Ok(BufWriter::with_capacity(1 << 16, f))
}

fn close_staged(tmp: &Path, name: &str, w: BufWriter<File>) -> Result<()> {
    let path = tmp.join(name);
    let f = w.into_inner().map_err(|e| Error::io(&path, e.into_error()))?;
    f.sync_all().map_err(|e| Error::io(&path, e))?;
    Ok(())
}

/// Whether `a` is a file holding exactly the bytes of `b`, compared a block
/// at a time.
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) else { return false };
    if !ma.is_file() || ma.len() != mb.len() {
        return false;
    }
    let (Ok(fa), Ok(fb)) = (File::open(a), File::open(b)) else { return false };
    let (mut ra, mut rb) = (BufReader::new(fa), BufReader::new(fb));
    let (mut ba, mut bb) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = match ra.read(&mut ba) {
            Ok(n) => n,
            Err(_) => return false,
        };
        if n == 0 {
            // Same length, so `b` is done too.
            return true;
        }
        if rb.read_exact(&mut bb[..n]).is_err() || ba[..n] != bb[..n] {
            return false;
        }
    }
}

/// A short, stable hash of an entry's full content.
fn entry_hash(e: &TimelineEntry) -> String {
    let bytes = serde_json::to_vec(e).unwrap_or_default();
    let hash = blake3::hash(&bytes);
    hash.to_hex()[..16].to_string()
}

fn diff(previous: Option<&State>, now: &State) -> SiteReport {
    let mut r = SiteReport { events: now.entries.len(), ..SiteReport::default() };
    let Some(prev) = previous else {
        r.first_build = true;
        r.new = now.entries.len();
        return r;
    };
    for (id, hash) in &now.entries {
        match prev.entries.get(id) {
            None => r.new += 1,
            Some(h) if h != hash => r.changed += 1,
            Some(_) => {}
        }
    }
    r.removed = prev.entries.keys().filter(|id| !now.entries.contains_key(*id)).count();
    r
}

fn read_state(path: &Path) -> Option<State> {
    let text = fs::read_to_string(path).ok()?;
    let state: State = serde_json::from_str(&text).ok()?;
    (state.format == STATE_FORMAT).then_some(state)
}

/// An exclusive lock on `dir`, held until the returned file is dropped.
// `File::try_lock` is std since Rust 1.89 (the toolchain here is 1.95);
// Cargo.toml's rust-version (1.85) should be raised to 1.89: told the lead.
#[allow(clippy::incompatible_msrv)]
fn lock(dir: &Path) -> Result<File> {
    let path = dir.join(LOCK_FILE);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    // A lock held for a moment is waited for: besides a build about to
    // finish, a process that forks (a test harness, a supervisor) briefly
    // shares every open lock with its child until the child execs.
    let deadline = std::time::Instant::now() + LOCK_WAIT;
    let mut attempt = file.try_lock();
    while matches!(attempt, Err(std::fs::TryLockError::WouldBlock))
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(25));
        attempt = file.try_lock();
    }
    match attempt {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let who = match holder.trim().parse::<u32>() {
                Ok(pid) => format!("process {pid}"),
                Err(_) => "another process".to_string(),
            };
            return Err(Error::new(
                ErrorKind::Locked,
                format!(
                    "another dateline build ({who}) is writing to {}; it holds the lock {}. \
                     Try again when it has finished.",
                    dir.display(),
                    path.display()
                ),
            )
            .with_path(&path));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
    }
    // Record who holds it, for the message above; failure to do so is
    // harmless.
    let _ = file.set_len(0);
    let _ = write!(file, "{}", std::process::id());
    Ok(file)
}

/// Temporary directories left by a build that was killed. Only called with
/// the lock held, so none of them belongs to a running build.
fn remove_stale_temps(dir: &Path) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for entry in rd.flatten() {
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            fs::read(path).map(|old| old == bytes).unwrap_or(false)
        }
        _ => false,
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = File::create(path).map_err(|e| Error::io(path, e))?;
    f.write_all(bytes).map_err(|e| Error::io(path, e))?;
    f.sync_all().map_err(|e| Error::io(path, e))?;
    Ok(())
}

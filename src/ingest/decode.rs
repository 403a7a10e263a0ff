//! Bytes to text: the encoding policy for every input file.
//!
//! - A UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark is
//!   decoded.
//! - **Binary files are rejected**: a NUL byte in the first 8 KiB, or the
//!   signature of a common binary format (PDF, ZIP/DOCX, gzip, PNG, JPEG, GIF,
//!   ...), gives an error that names the format when known.
//! - **Invalid UTF-8 is read, with a warning.** When the file holds no valid
//!   multi-byte UTF-8 sequence at all, it is taken to be Windows-1252 (the
//!   encoding browsers fall back to, and what old Latin-1 exports are); else the
//!   bad bytes become U+FFFD. Either way the warning gives the byte offset of
//!   the first bad sequence, so the user can fix the file. Losing a whole
//!   article over one bad byte would be worse than a marked replacement.
//! - Empty (or whitespace-only) files are errors.

use std::borrow::Cow;

/// What decoding found.
#[derive(Debug)]
pub(crate) enum Decoded<'a> {
    /// Text, with an optional warning about how it was decoded.
    Text(Cow<'a, str>, Option<String>),
    /// Not text; the reason.
    Rejected(String),
}

/// Decode a whole file.
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return decode_utf16(bytes);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Decoded::Rejected(kind);
    }
    decode_utf8(bytes)
}

fn decode_utf8(bytes: &[u8]) -> Decoded<'_> {
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) => {
            let at = e.valid_up_to();
            let has_multibyte = has_valid_multibyte(bytes);
            if has_multibyte {
                let s = String::from_utf8_lossy(bytes).into_owned();
                let n = s.matches('\u{FFFD}').count();
                let warning = format!(
                    "invalid UTF-8 at byte {at} ({n} bad sequence(s) replaced with U+FFFD); \
                     re-save the file as UTF-8"
                );
                return finish(Cow::Owned(s), Some(warning));
            }
            let s = windows_1252(bytes);
            let warning = format!(
                "not UTF-8 (first bad byte at {at}); read as Windows-1252/Latin-1; \
                 re-save the file as UTF-8 if that is wrong"
            );
            return finish(Cow::Owned(s), Some(warning));
        }
    };
    finish(text, None)
}

fn finish(text: Cow<'_, str>, warning: Option<String>) -> Decoded<'_> {
    if text.trim().is_empty() {
        let why = if text.is_empty() { "empty file" } else { "file holds only whitespace" };
        return Decoded::Rejected(why.into());
    }
    Decoded::Text(text, warning)
}

fn decode_utf16(bytes: &[u8]) -> Decoded<'_> {
    let le = bytes.starts_with(b"\xFF\xFE");
    let body = &bytes[2..];
    let units: Vec<u16> = body
        .chunks(2)
        .map(|c| {
            let pair = [c[0], *c.get(1).unwrap_or(&0)];
            if le {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        })
        .collect();
    let s = String::from_utf16_lossy(&units);
    let warning =
        s.contains('\u{FFFD}').then(|| "invalid UTF-16 sequences replaced with U+FFFD".to_string());
    finish(Cow::Owned(s), warning)
}

/// The name of a binary format when `bytes` looks like one.
pub(crate) fn binary_kind(bytes: &[u8]) -> Option<String> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/EPUB)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"RIFF", "a RIFF media file (WebP, WAV, AVI)"),
        (b"\x7FELF", "an executable"),
        (b"BZh", "a bzip2 archive"),
        (b"\xFD7zXZ", "an xz archive"),
        (b"7z\xBC\xAF", "a 7z archive"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
        (b"SQLite format 3", "an SQLite database"),
    ];
    for (magic, name) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(format!("binary file ({name}), not an article"));
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr_nul(head) {
        return Some("binary file (contains NUL bytes), not an article".into());
    }
    None
}

fn memchr_nul(b: &[u8]) -> bool {
    b.contains(&0)
}

fn has_valid_multibyte(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                let (good, _) = rest.split_at(e.valid_up_to());
                // Safe: valid_up_to marks a valid prefix.
                if !good.is_ascii() {
                    return true;
                }
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[e.valid_up_to() + skip..];
            }
        }
    }
}

/// Decode Windows-1252 (a superset of the printable Latin-1 range).
pub(crate) fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(b: &[u8]) -> (String, Option<String>) {
        match decode(b) {
            Decoded::Text(t, w) => (t.into_owned(), w),
            Decoded::Rejected(r) => panic!("rejected: {r}"),
        }
    }

    fn rejected(b: &[u8]) -> String {
        match decode(b) {
            Decoded::Text(..) => panic!("accepted"),
            Decoded::Rejected(r) => r,
        }
    }

    #[test]
    fn utf8_and_bom() {
        assert_eq!(text("caf\u{e9}".as_bytes()), ("café".into(), None));
        assert_eq!(text(b"\xEF\xBB\xBFhello"), ("hello".into(), None));
    }

    #[test]
    fn latin1_file_is_read_as_windows_1252_with_warning() {
        let (t, w) = text(b"caf\xE9 \x93quoted\x94");
        assert_eq!(t, "café “quoted”");
        assert!(w.unwrap().contains("byte at 3"));
    }

    #[test]
    fn mostly_utf8_file_gets_replacement_with_warning() {
        let (t, w) = text(
            "café \u{2019} ok \u{FF}"
                .as_bytes()
                .iter()
                .copied()
                .chain([0xFF])
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert!(t.ends_with('\u{FFFD}'));
        assert!(w.unwrap().contains("U+FFFD"));
    }

    #[test]
    fn utf16_is_decoded() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Hi é".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        assert_eq!(text(&b).0, "Hi é");
    }

    #[test]
    fn binary_and_empty_are_rejected() {
        assert!(rejected(b"%PDF-1.7 ...").contains("PDF"));
        assert!(rejected(b"abc\0def").contains("NUL"));
        assert!(rejected(b"").contains("empty"));
        assert!(rejected(b" \n\t ").contains("whitespace"));
    }
}

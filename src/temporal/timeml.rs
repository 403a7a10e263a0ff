//! TimeML output: the input text unchanged except for XML escaping and
//! inline `<TIMEX3>` tags, after a `<DCT>` holding the publication date, so
//! TempEval tooling (and `shared/eval/timex_score.py`) can score it.

use std::io::{self, Write};

use crate::model::{PubContext, Timex};

/// XML-escape `s` for text content or a double-quoted attribute.
fn escape(out: &mut dyn Write, s: &str) -> io::Result<()> {
    let mut last = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            _ => continue,
        };
        out.write_all(&s.as_bytes()[last..i])?;
        out.write_all(rep.as_bytes())?;
        last = i + 1;
    }
    out.write_all(&s.as_bytes()[last..])
}

/// Write `text` with `timexes` (sorted, non-overlapping spans into `text`) as
/// a TimeML document named `doc_id`. Timexes whose span does not fit the
/// text, or overlaps the previous one, are left out rather than corrupting
/// the document.
pub fn write(
    out: &mut dyn Write,
    doc_id: &str,
    text: &str,
    ctx: &PubContext,
    timexes: &[Timex],
) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" ?>")?;
    writeln!(out, "<TimeML>")?;
    write!(out, "<DOCID>")?;
    escape(out, doc_id)?;
    writeln!(out, "</DOCID>")?;
    match ctx.date {
        Some(d) => {
            let v = match ctx.time {
                Some(t) => format!("{}T{}", d.format("%Y-%m-%d"), t.format("%H:%M")),
                None => d.format("%Y-%m-%d").to_string(),
            };
            writeln!(
                out,
                "<DCT><TIMEX3 tid=\"t0\" type=\"{}\" value=\"{v}\" temporalFunction=\"false\" \
                 functionInDocument=\"CREATION_TIME\">{v}</TIMEX3></DCT>",
                if ctx.time.is_some() { "TIME" } else { "DATE" }
            )?;
        }
        None => writeln!(out, "<!-- no publication date: relative expressions are unresolved -->")?,
    }
    write!(out, "<TEXT>")?;
    let mut pos = 0;
    let mut n = 0;
    for t in timexes {
        let (s, e) = (t.span.start, t.span.end);
        if s < pos
            || e > text.len()
            || s >= e
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        escape(out, &text[pos..s])?;
        n += 1;
        write!(out, "<TIMEX3 tid=\"t{n}\" type=\"{}\" value=\"", t.ttype.as_str())?;
        escape(out, &t.value)?;
        write!(out, "\"")?;
        if let Some(m) = &t.modifier {
            write!(out, " mod=\"")?;
            escape(out, m)?;
            write!(out, "\"")?;
        }
        if let Some(q) = &t.quant {
            write!(out, " quant=\"")?;
            escape(out, q)?;
            write!(out, "\"")?;
        }
        if let Some(f) = &t.freq {
            write!(out, " freq=\"")?;
            escape(out, f)?;
            write!(out, "\"")?;
        }
        write!(out, ">")?;
        escape(out, &text[s..e])?;
        write!(out, "</TIMEX3>")?;
        pos = e;
    }
    escape(out, &text[pos..])?;
    writeln!(out, "</TEXT>")?;
    writeln!(out, "</TimeML>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_kept_and_escaped() {
        let ctx =
            PubContext { date: chrono::NaiveDate::from_ymd_opt(2025, 3, 14), ..Default::default() };
        let text = "A & B <met> on Thursday.";
        let tx = crate::temporal::tag(text, &ctx);
        let mut buf = Vec::new();
        write(&mut buf, "doc", text, &ctx, &tx).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(s.contains("functionInDocument=\"CREATION_TIME\">2025-03-14</TIMEX3></DCT>"));
        assert!(s.contains(
            "<TEXT>A &amp; B &lt;met&gt; on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-03-13\">Thursday</TIMEX3>.</TEXT>"
        ));
    }
}

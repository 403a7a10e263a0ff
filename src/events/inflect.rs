/*!
English inflection for trigger lemmas: the forms a verb or noun lemma of
`data/events/trigger_lemmas.tsv` stands for, so that the data lists "expel"
once instead of "expel; expels; expelled; expelling".

Regular forms follow the spelling rules (-s/-es, -ed/-d, -ing, y → ied,
silent e dropped, the final consonant of a one-syllable verb doubled:
"ban" → "banned"); irregular pasts and participles, and the doubling of
verbs stressed on the last syllable ("expel" → "expelled"), come from
`data/events/irregular_verbs.tsv`. Generation runs once, when the trigger
lexicon is built; matching never inflects.
*/

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::lexicon;

/// A verb's irregular past and past participle forms (each may have
/// alternatives, "travelled|traveled").
struct Irregular {
    past: Vec<String>,
    participle: Vec<String>,
}

static IRREGULAR: LazyLock<HashMap<String, Irregular>> = LazyLock::new(|| {
    let text = lexicon::source(
        "events/irregular_verbs.tsv",
        include_str!("../../data/events/irregular_verbs.tsv"),
    );
    let mut out = HashMap::new();
    for (n, cols) in lexicon::rows(&text) {
        assert!(
            cols.len() == 3 && cols.iter().all(|c| !c.is_empty()),
            "events/irregular_verbs.tsv line {n}: expected base, past and participle"
        );
        let alts = |c: &str| -> Vec<String> {
            c.split('|').map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect()
        };
        let past = alts(cols[1]);
        let participle = if cols[2] == "-" { past.clone() } else { alts(cols[2]) };
        out.insert(cols[0].to_lowercase(), Irregular { past, participle });
    }
    out
});

/// Every irregular past and participle form ("met", "spoken", "held"), for
/// telling an inflected verb from a bare one.
static IRREGULAR_FORMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    IRREGULAR
        .values()
        .flat_map(|i| i.past.iter().chain(&i.participle))
        .filter(|w| !w.ends_with("ed"))
        .cloned()
        .collect()
});

/// Whether `w` (lower case) is an irregular past or past participle listed
/// in `irregular_verbs.tsv`.
pub(crate) fn is_irregular_form(w: &str) -> bool {
    IRREGULAR_FORMS.contains(w)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Groups of vowel letters, a final silent "e" not counted.
fn syllables(w: &str) -> usize {
    let b = w.as_bytes();
    let mut n = 0;
    let mut prev_vowel = false;
    for (i, &c) in b.iter().enumerate() {
        let v = is_vowel(c) || (c == b'y' && i > 0 && !is_vowel(b[i - 1]));
        if v && !prev_vowel {
            n += 1;
        }
        prev_vowel = v;
    }
    if n > 1 && w.ends_with('e') && !w.ends_with("le") && !w.ends_with("ee") {
        n -= 1;
    }
    n
}

/// A one-syllable verb ending consonant-vowel-consonant doubles its last
/// letter before -ed and -ing ("ban", "stop", "shut"); w, x and y never do.
fn doubles(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    if n < 3 || syllables(w) != 1 {
        return false;
    }
    let (c0, v, c1) = (b[n - 3], b[n - 2], b[n - 1]);
    !is_vowel(c1)
        && !matches!(c1, b'w' | b'x' | b'y')
        && is_vowel(v)
        && (!is_vowel(c0) || (c0 == b'u' && n >= 4 && b[n - 4] == b'q'))
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

/// "-s" form of a verb, plural of a noun.
fn s_form(w: &str) -> String {
    if ends_consonant_y(w) {
        return format!("{}ies", &w[..w.len() - 1]);
    }
    let b = w.as_bytes();
    let consonant_o = b.len() >= 2 && b[b.len() - 1] == b'o' && !is_vowel(b[b.len() - 2]);
    if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e)) || consonant_o {
        return format!("{w}es");
    }
    format!("{w}s")
}

fn regular_past(w: &str) -> String {
    if w.ends_with('e') {
        return format!("{w}d");
    }
    if ends_consonant_y(w) {
        return format!("{}ied", &w[..w.len() - 1]);
    }
    if doubles(w) {
        return format!("{w}{}ed", &w[w.len() - 1..]);
    }
    format!("{w}ed")
}

fn ing_form(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if w.ends_with('e') && !["ee", "ye", "oe"].iter().any(|e| w.ends_with(e)) && w.len() > 2 {
        return format!("{}ing", &w[..w.len() - 1]);
    }
    if doubles(w) {
        return format!("{w}{}ing", &w[w.len() - 1..]);
    }
    format!("{w}ing")
}

/// The single-word forms of verb lemma `w`: base, -s, past(s), participle(s)
/// and -ing, without repeats.
pub fn verb_word_forms(w: &str) -> Vec<String> {
    let w = w.to_lowercase();
    let mut out = vec![w.clone(), s_form(&w)];
    match IRREGULAR.get(&w) {
        Some(irr) => {
            out.extend(irr.past.iter().chain(&irr.participle).cloned());
            // A listed regular-looking past with a doubled consonant or a
            // British double l ("expelled", "travelled") gives its -ing.
            let doubled: Vec<String> = irr
                .past
                .iter()
                .filter_map(|p| p.strip_suffix("ed"))
                .filter(|stem| stem.starts_with(w.as_str()) && stem.len() == w.len() + 1)
                .map(|stem| format!("{stem}ing"))
                .collect();
            if doubled.is_empty() {
                out.push(ing_form(&w));
            } else {
                out.extend(doubled);
                if irr.past.iter().any(|p| p == &format!("{w}ed")) {
                    out.push(format!("{w}ing"));
                }
            }
        }
        None => {
            out.push(regular_past(&w));
            out.push(ing_form(&w));
        }
    }
    let mut seen = HashSet::new();
    out.retain(|f| seen.insert(f.clone()));
    out
}

/// Every form of a verb phrase lemma: its first word inflected, the rest
/// kept ("pull back" → "pulls back", "pulled back", "pulling back").
pub fn verb_phrase_forms(lemma: &str) -> Vec<String> {
    let lemma = lemma.trim();
    let (head, rest) = match lemma.split_once(' ') {
        Some((h, r)) => (h, Some(r)),
        None => (lemma, None),
    };
    verb_word_forms(head)
        .into_iter()
        .map(|f| match rest {
            Some(r) => format!("{f} {r}"),
            None => f,
        })
        .collect()
}

/// A noun phrase lemma and its plural (last word inflected); a lemma that
/// already ends in a plural "-s" ("talks") is kept as it is.
pub fn noun_phrase_forms(lemma: &str) -> Vec<String> {
    let lemma = lemma.trim().to_lowercase();
    let (head, last) = match lemma.rsplit_once(' ') {
        Some((h, l)) => (Some(h), l),
        None => (None, lemma.as_str()),
    };
    if (last.ends_with('s') && !last.ends_with("ss")) || !last.is_ascii() {
        return vec![lemma.clone()];
    }
    let plural = s_form(last);
    let plural = match head {
        Some(h) => format!("{h} {plural}"),
        None => plural,
    };
    vec![lemma.clone(), plural]
}

/// The simple past of verb form `w` (base, "-s" or "-ing": "hosting" →
/// "hosted", "speaks" → "spoke"), when its lemma can be told from its
/// spelling: a candidate lemma counts only when it inflects back to `w`.
/// `None` for a form that is already past, or one no candidate explains.
pub(crate) fn past_tense(w: &str) -> Option<String> {
    let w = w.to_lowercase();
    if w.ends_with("ed") || is_irregular_form(&w) {
        return None;
    }
    let mut candidates: Vec<String> = Vec::new();
    if let Some(stem) = w.strip_suffix("ing") {
        candidates.push(stem.to_string());
        candidates.push(format!("{stem}e"));
        if let Some(s) = stem.strip_suffix('y') {
            candidates.push(format!("{s}ie"));
        }
        let b = stem.as_bytes();
        if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
            candidates.push(stem[..stem.len() - 1].to_string());
        }
    } else if w.ends_with('s') && !w.ends_with("ss") {
        if let Some(s) = w.strip_suffix("ies") {
            candidates.push(format!("{s}y"));
        }
        if let Some(s) = w.strip_suffix("es") {
            candidates.push(s.to_string());
        }
        candidates.push(w[..w.len() - 1].to_string());
    } else {
        candidates.push(w.clone());
    }
    let lemma = candidates.into_iter().find(|c| {
        !c.is_empty() && (c == &w || s_form(c) == w || verb_word_forms(c).contains(&w))
    })?;
    Some(match IRREGULAR.get(&lemma) {
        Some(irr) => irr.past.first()?.clone(),
        None => regular_past(&lemma),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(forms: &[String], w: &str) -> bool {
        forms.iter().any(|f| f == w)
    }

    #[test]
    fn regular_verbs_inflect_by_spelling_rules() {
        let f = verb_word_forms("accuse");
        for w in ["accuse", "accuses", "accused", "accusing"] {
            assert!(has(&f, w), "{w}: {f:?}");
        }
        let f = verb_word_forms("deny");
        for w in ["denies", "denied", "denying"] {
            assert!(has(&f, w), "{w}: {f:?}");
        }
        let f = verb_word_forms("ban");
        for w in ["bans", "banned", "banning"] {
            assert!(has(&f, w), "{w}: {f:?}");
        }
        let f = verb_word_forms("veto");
        assert!(has(&f, "vetoes") && has(&f, "vetoed") && has(&f, "vetoing"), "{f:?}");
        let f = verb_word_forms("visit");
        assert!(has(&f, "visited") && has(&f, "visiting") && !has(&f, "visitted"), "{f:?}");
        let f = verb_word_forms("push");
        assert!(has(&f, "pushes") && has(&f, "pushed"), "{f:?}");
        let f = verb_word_forms("stay");
        assert!(has(&f, "stays") && has(&f, "stayed") && has(&f, "staying"), "{f:?}");
        let f = verb_word_forms("agree");
        assert!(has(&f, "agreed") && has(&f, "agreeing"), "{f:?}");
    }

    #[test]
    fn irregular_verbs_come_from_the_table() {
        let f = verb_word_forms("speak");
        for w in ["speaks", "spoke", "spoken", "speaking"] {
            assert!(has(&f, w), "{w}: {f:?}");
        }
        assert!(!has(&f, "speaked"), "{f:?}");
        let f = verb_word_forms("expel");
        assert!(has(&f, "expelled") && has(&f, "expelling"), "{f:?}");
        let f = verb_word_forms("travel");
        for w in ["travelled", "traveled", "travelling", "traveling"] {
            assert!(has(&f, w), "{w}: {f:?}");
        }
        assert!(is_irregular_form("held") && is_irregular_form("spoken"));
        assert!(!is_irregular_form("expelled"));
    }

    #[test]
    fn the_past_of_a_form_comes_from_its_lemma() {
        for (form, past) in [
            ("hosting", "hosted"),
            ("speaking", "spoke"),
            ("speaks", "spoke"),
            ("making", "made"),
            ("agreeing", "agreed"),
            ("stopping", "stopped"),
            ("urges", "urged"),
            ("carries", "carried"),
            ("pushes", "pushed"),
            ("meet", "met"),
            ("visit", "visited"),
        ] {
            assert_eq!(past_tense(form).as_deref(), Some(past), "{form}");
        }
        for already in ["hosted", "met", "spoke", "held"] {
            assert_eq!(past_tense(already), None, "{already}");
        }
    }

    #[test]
    fn phrases_inflect_their_head() {
        let f = verb_phrase_forms("pull back");
        assert!(has(&f, "pulled back") && has(&f, "pulling back"), "{f:?}");
        let f = verb_phrase_forms("hold talks");
        assert!(has(&f, "held talks") && has(&f, "holds talks"), "{f:?}");
        let f = noun_phrase_forms("phone call");
        assert_eq!(f, vec!["phone call".to_string(), "phone calls".to_string()]);
        assert_eq!(noun_phrase_forms("talks"), vec!["talks".to_string()]);
        assert!(has(&noun_phrase_forms("embassy"), "embassies"));
    }
}

//! Context words (`data/temporal/context_words.tsv`): nouns and amount
//! words that change how a neighbouring time word reads. They are consulted
//! only after a pattern has matched, so the lists stay out of the lexicon
//! the tokenizer looks every word up in.

use std::sync::LazyLock;

use crate::lexicon;

/// The word lists, by kind.
pub(crate) struct ContextWords {
    /// Generic nouns that make "today's"/"tomorrow's" name an era.
    pub(crate) era: Vec<String>,
    /// Words ending an amount of money or a share ("million", "%").
    pub(crate) amount: Vec<String>,
    /// Nouns of pay ("salary"): a length of time before them is money.
    pub(crate) pay: Vec<String>,
}

pub(crate) static CONTEXT_WORDS: LazyLock<ContextWords> = LazyLock::new(|| {
    let text = lexicon::source(
        "temporal/context_words.tsv",
        include_str!("../../data/temporal/context_words.tsv"),
    );
    let mut words = ContextWords { era: Vec::new(), amount: Vec::new(), pay: Vec::new() };
    for (n, cols) in lexicon::rows(&text) {
        let word = cols[0].to_ascii_lowercase();
        match cols.get(1).copied() {
            Some("era") => words.era.push(word),
            Some("amount") => words.amount.push(word),
            Some("pay") => words.pay.push(word),
            _ => panic!("temporal/context_words.tsv line {n}: kind must be era, amount or pay"),
        }
    }
    words
});

fn has(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Is `w` a generic noun naming a whole era's people or things?
pub(crate) fn is_era_noun(w: &str) -> bool {
    has(&CONTEXT_WORDS.era, w)
}

/// Does `w` end an amount of money or a share?
pub(crate) fn is_amount_word(w: &str) -> bool {
    has(&CONTEXT_WORDS.amount, w)
}

/// Is `w` a noun of pay ("salary", "wages")?
pub(crate) fn is_pay_noun(w: &str) -> bool {
    has(&CONTEXT_WORDS.pay, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_words_load_with_both_kinds() {
        assert!(is_era_noun("Youth"));
        assert!(is_amount_word("million"));
        assert!(is_amount_word("%"));
        assert!(!is_era_noun("quiz"));
        assert!(is_pay_noun("salary"));
    }
}

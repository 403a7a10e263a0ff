//! Sentences and clauses as byte spans into the article text.

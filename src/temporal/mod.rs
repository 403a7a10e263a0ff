//! Temporal tagging and resolution: TIMEX3 expressions found in one pass and resolved against the publication context.

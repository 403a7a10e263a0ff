//! The timeline: event mentions merged across articles into entries with stable ids.

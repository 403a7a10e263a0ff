//! Events: actors, triggers, who did what to whom, and the date each event is anchored to.

//! Reading articles: files, folders, stdin, text dumps, front matter, JSON/JSONL, HTML, manifests.

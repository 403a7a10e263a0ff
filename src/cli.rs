//! The command line: clap definitions, converted once into the library's
//! option structs. No logic lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use dateline::cmd;

const EXIT_CODES: &str = "\
Exit codes:
  0  all input read and processed (extract: also when bad lines were reported and skipped)
  1  some inputs failed (each reported on stderr); output built from the rest
  2  usage or fatal error
  3  extract: the --max-errors limit was passed
  4  extract: I/O error on input or output";

/// Turn news articles about diplomacy into dated event timelines.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site (index.html, events.csv, events.json, timelinejs.json)
    /// from articles. With no input, builds the sample articles in
    /// data/samples/ into site/.
    #[command(after_help = EXIT_CODES)]
    Build(BuildArgs),
    /// Print every temporal expression in a text with its TIMEX3 value,
    /// interval, precision, anchor and rule.
    #[command(after_help = EXIT_CODES)]
    Tag(TagArgs),
    /// Print the articles dateline reads from the inputs.
    #[command(after_help = EXIT_CODES)]
    Articles(ArticlesArgs),
    /// Print the merged timeline of events.
    #[command(after_help = EXIT_CODES)]
    Events(EventsArgs),
    /// Streaming map step: JSONL articles on stdin, JSONL events on stdout.
    #[command(after_help = EXIT_CODES)]
    Extract(ExtractArgs),
    /// Merge events or merged entries into one entry per event_id.
    #[command(after_help = EXIT_CODES)]
    Merge(MergeArgs),
    /// Render merged entries into the same site `build` writes.
    #[command(after_help = EXIT_CODES)]
    Render(RenderArgs),
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively), globs, or - for stdin.
    pub inputs: Vec<String>,
    /// CSV manifest (file,published[,title,url,source]) giving metadata to
    /// files that lack it.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Publication date for articles that carry none (e.g. 2025-03-14 or
    /// 2025-03-14T09:30+02:00).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
}

impl From<InputArgs> for cmd::InputOptions {
    fn from(a: InputArgs) -> Self {
        cmd::InputOptions { inputs: a.inputs, manifest: a.manifest, published: a.published }
    }
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output directory.
    #[arg(long, value_name = "DIR", default_value = "site")]
    pub out: PathBuf,
    /// Start the CSV with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    pub excel: bool,
    /// Put the build time in the outputs (breaks byte-identical rebuilds).
    #[arg(long)]
    pub stamp: bool,
    /// Say more on stderr.
    #[arg(long, short)]
    pub verbose: bool,
    /// Print nothing but errors (no summary line).
    #[arg(long, short)]
    pub quiet: bool,
}

impl From<OutputArgs> for cmd::build::OutputOptions {
    fn from(a: OutputArgs) -> Self {
        cmd::build::OutputOptions {
            out: a.out,
            excel: a.excel,
            stamp: a.stamp,
            verbose: a.verbose,
            quiet: a.quiet,
        }
    }
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TagFormat {
    Text,
    Jsonl,
    Timeml,
}

#[derive(Debug, Args)]
pub struct TagArgs {
    /// Text file to tag; - or nothing reads stdin.
    pub input: Option<PathBuf>,
    /// Publication date the relative expressions count from.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TagFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ArticlesFormat {
    Jsonl,
    Text,
}

#[derive(Debug, Args)]
pub struct ArticlesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ArticlesFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EventsFormat {
    Jsonl,
    Csv,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: EventsFormat,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Exit with code 3 once more than N input lines were bad.
    #[arg(long, value_name = "N")]
    pub max_errors: Option<u64>,
    /// Reject input lines longer than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_line_bytes: usize,
    /// Read data files from DIR instead of the embedded copies.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// JSONL files of events or merged entries; nothing or - reads stdin.
    pub inputs: Vec<String>,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// JSONL files of merged entries; nothing or - reads stdin.
    pub inputs: Vec<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

impl Command {
    /// Run the command with the process's standard streams; returns the exit
    /// code.
    pub fn run(self) -> u8 {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let stderr = std::io::stderr();
        let mut err = stderr.lock();
        match self {
            Command::Build(a) => {
                let opts =
                    cmd::build::BuildOptions { input: a.input.into(), output: a.output.into() };
                cmd::build::run(&opts, &mut out, &mut err)
            }
            Command::Tag(a) => {
                let format = match a.format {
                    TagFormat::Text => cmd::tag::TagFormat::Text,
                    TagFormat::Jsonl => cmd::tag::TagFormat::Jsonl,
                    TagFormat::Timeml => cmd::tag::TagFormat::Timeml,
                };
                let opts = cmd::tag::TagOptions { published: a.published, format, input: a.input };
                cmd::tag::run(&opts, &mut out, &mut err)
            }
            Command::Articles(a) => {
                let format = match a.format {
                    ArticlesFormat::Jsonl => cmd::articles::ArticlesFormat::Jsonl,
                    ArticlesFormat::Text => cmd::articles::ArticlesFormat::Text,
                };
                let opts = cmd::articles::ArticlesOptions { input: a.input.into(), format };
                cmd::articles::run(&opts, &mut out, &mut err)
            }
            Command::Events(a) => {
                let format = match a.format {
                    EventsFormat::Jsonl => cmd::events::EventsFormat::Jsonl,
                    EventsFormat::Csv => cmd::events::EventsFormat::Csv,
                };
                let opts = cmd::events::EventsOptions { input: a.input.into(), format };
                cmd::events::run(&opts, &mut out, &mut err)
            }
            Command::Extract(a) => {
                let opts = cmd::extract::ExtractOptions {
                    max_errors: a.max_errors,
                    max_line_bytes: a.max_line_bytes,
                    data_dir: a.data_dir,
                };
                let stdin = std::io::stdin();
                let mut input = stdin.lock();
                cmd::extract::run(&opts, &mut input, &mut out, &mut err)
            }
            Command::Merge(a) => {
                let opts = cmd::merge::MergeOptions { inputs: a.inputs };
                cmd::merge::run(&opts, &mut out, &mut err)
            }
            Command::Render(a) => {
                let opts = cmd::render::RenderOptions { inputs: a.inputs, output: a.output.into() };
                cmd::render::run(&opts, &mut out, &mut err)
            }
        }
    }
}

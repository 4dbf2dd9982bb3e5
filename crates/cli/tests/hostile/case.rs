//! One hostile case: the files written into its folder, the arguments,
//! and what must happen.

use std::path::Path;

/// What a case expects.
pub enum Expect {
    /// Refused; the message holds each of these (file or flag, and place).
    Refused(Vec<String>),
    /// Accepted; with this warning on stderr when given.
    Accepted(Option<String>),
}

/// One run of the binary.
pub struct Case {
    /// The class of hostile input (the summary counts per class).
    pub class: &'static str,
    /// What the case is.
    pub name: String,
    /// Files written into the case's folder first.
    pub files: Vec<(String, Vec<u8>)>,
    /// Extra preparation (a named pipe, a folder) in the case's folder.
    pub prepare: fn(&Path),
    /// The arguments (paths relative to the case's folder).
    pub args: Vec<String>,
    /// What must happen.
    pub expect: Expect,
}

fn nothing(_: &Path) {}

impl Case {
    /// A case with no files yet.
    pub fn new(class: &'static str, name: impl Into<String>, args: &[&str], expect: Expect) -> Self {
        Self {
            class,
            name: name.into(),
            files: Vec::new(),
            prepare: nothing,
            args: args.iter().map(|a| (*a).to_owned()).collect(),
            expect,
        }
    }

    /// Adds a file.
    pub fn file(mut self, name: &str, bytes: impl Into<Vec<u8>>) -> Self {
        self.files.push((name.to_owned(), bytes.into()));
        self
    }

    /// Adds the 300-row car-loan baseline as `good.csv`.
    pub fn good(self) -> Self {
        self.file("good.csv", good_csv())
    }

    /// Runs `prepare` in the folder before the binary.
    pub fn prepared(mut self, prepare: fn(&Path)) -> Self {
        self.prepare = prepare;
        self
    }
}

/// A refusal whose message holds each needle.
pub fn refused(needles: &[&str]) -> Expect {
    Expect::Refused(needles.iter().map(|n| (*n).to_owned()).collect())
}

/// An acceptance, with a warning when given.
pub fn accepted(warning: Option<&str>) -> Expect {
    Expect::Accepted(warning.map(str::to_owned))
}

/// The CLI fixture every case may pair a bad file with.
pub fn good_csv() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/car_loan_reference_300.csv");
    std::fs::read(path).unwrap()
}

//! Writing outputs whole or not at all. Each output is written to a hidden
//! temporary file in its destination folder and renamed into place by
//! [`Outputs::commit`], after the command has checked every input and
//! computed everything; a command that fails before then (or an output that
//! cannot be written) removes its temporary files and the folders it made,
//! so the file system is left as it was found. An output path equal to one
//! of the run's inputs is refused (`report --out base.csv` overwrote its own
//! input).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// One staged file: written under `temp`, renamed to `dest` on commit.
struct Staged {
    temp: PathBuf,
    dest: PathBuf,
}

/// The files a command writes, staged until [`Outputs::commit`].
#[derive(Default)]
pub struct Outputs {
    staged: Vec<Staged>,
    /// Folders this run created, outermost first (removed again on failure).
    created: Vec<PathBuf>,
    committed: bool,
}

/// The folder a file output goes into (`.` for a bare name).
fn folder_of(dest: &Path) -> &Path {
    match dest.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Refuses an output that is one of the run's inputs or an existing folder.
///
/// # Errors
/// A message naming the path.
pub fn refuse_input(dest: &Path) -> Result<(), String> {
    if dest.is_dir() {
        return Err(format!("{} is a folder: give a file name to write", dest.display()));
    }
    let canonical = match (dest.canonicalize(), dest.file_name()) {
        (Ok(path), _) => path,
        (Err(_), Some(name)) => match folder_of(dest).canonicalize() {
            Ok(folder) => folder.join(name),
            Err(_) => return Ok(()),
        },
        (Err(_), None) => return Ok(()),
    };
    if crate::files::is_input(&canonical) {
        return Err(format!(
            "{} is also an input of this command: give another output path (Tideline never writes over its inputs)",
            dest.display()
        ));
    }
    Ok(())
}

impl Outputs {
    /// No files staged yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Creates `dir` and its missing parents, remembering which were new.
    fn make_dir(&mut self, dir: &Path) -> Result<(), String> {
        let mut missing = Vec::new();
        let mut at = Some(dir);
        while let Some(path) = at.filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
            missing.push(path.to_path_buf());
            at = path.parent();
        }
        for path in missing.into_iter().rev() {
            std::fs::create_dir(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
            self.created.push(path);
        }
        if !dir.as_os_str().is_empty() && !dir.is_dir() {
            return Err(format!("{} is not a folder", dir.display()));
        }
        Ok(())
    }

    /// Stages `dest`, whose bytes `fill` writes.
    ///
    /// # Errors
    /// `dest` is an input or a folder, its folder cannot be made, or
    /// writing fails (a message naming `dest`).
    pub fn stream(
        &mut self,
        dest: &Path,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), String> {
        refuse_input(dest)?;
        let folder = folder_of(dest);
        self.make_dir(folder)?;
        let name = dest.file_name().ok_or_else(|| format!("{} names no file", dest.display()))?;
        let temp = folder.join(format!(".{}.tideline-{}.tmp", name.to_string_lossy(), std::process::id()));
        let fail = |e: std::io::Error| format!("cannot write {}: {e}", dest.display());
        let file = File::create(&temp).map_err(fail)?;
        self.staged.push(Staged { temp, dest: dest.to_path_buf() });
        let mut out = BufWriter::with_capacity(1 << 20, file);
        fill(&mut out).map_err(fail)?;
        let file = out.into_inner().map_err(|e| fail(e.into_error()))?;
        file.sync_all().map_err(fail)
    }

    /// Stages `bytes` for `dest`.
    ///
    /// # Errors
    /// As [`Outputs::stream`].
    pub fn bytes(&mut self, dest: &Path, bytes: &[u8]) -> Result<(), String> {
        self.stream(dest, |out| out.write_all(bytes))
    }

    /// Stages `text` for `dest`, ending with one line break.
    ///
    /// # Errors
    /// As [`Outputs::stream`].
    pub fn text(&mut self, dest: &Path, text: &str) -> Result<(), String> {
        self.stream(dest, |out| {
            out.write_all(text.as_bytes())?;
            if text.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
    }

    /// Renames every staged file into place.
    ///
    /// # Errors
    /// A rename fails (the message names the file; files not yet renamed
    /// are removed).
    pub fn commit(mut self) -> Result<(), String> {
        let staged = std::mem::take(&mut self.staged);
        let mut rest = staged.iter();
        for file in rest.by_ref() {
            if let Err(e) = std::fs::rename(&file.temp, &file.dest) {
                self.staged = rest.map(|s| Staged { temp: s.temp.clone(), dest: s.dest.clone() }).collect();
                let _ = std::fs::remove_file(&file.temp);
                return Err(format!("cannot write {}: {e}", file.dest.display()));
            }
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for Outputs {
    /// A command that did not commit leaves nothing behind.
    fn drop(&mut self) {
        for file in &self.staged {
            let _ = std::fs::remove_file(&file.temp);
        }
        if !self.committed {
            for dir in self.created.iter().rev() {
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
}

//! Column names from a header: empty names become Spark's `_c{i}` and
//! repeated names get pandas' `.1`, `.2` suffixes, each change reported.

use super::warning::Warnings;

/// Positional name of column `i` (Spark's convention, used by Model Monitor).
#[must_use]
pub fn positional_name(i: usize) -> String {
    format!("_c{i}")
}

/// Makes header names usable and unique.
pub(crate) fn unique_names(raw: Vec<String>, file: &str, warnings: &mut Warnings) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut seen: hashbrown::HashSet<String> = hashbrown::HashSet::with_capacity(raw.len());
    // The next suffix to try per repeated name: counting up from 1 for
    // each copy made 60,000 columns called "a" quadratic (a hang).
    let mut next: hashbrown::HashMap<String, usize> = hashbrown::HashMap::new();
    for (i, name) in raw.into_iter().enumerate() {
        let trimmed = name.trim();
        let mut name = if trimmed.is_empty() {
            let named = positional_name(i);
            warnings.add(
                "empty header",
                file,
                None,
                Some(&named),
                format!("column {} has no name; it is called {named}", i + 1),
            );
            named
        } else {
            trimmed.to_owned()
        };
        if seen.contains(&name) {
            let base = name.clone();
            let k = next.entry(base.clone()).or_insert(1);
            while seen.contains(&format!("{base}.{k}")) {
                *k += 1;
            }
            name = format!("{base}.{k}");
            *k += 1;
            warnings.add(
                "duplicate header",
                file,
                None,
                Some(&name),
                format!("the header repeats '{base}'; column {} is called '{name}'", i + 1),
            );
        }
        seen.insert(name.clone());
        out.push(name);
    }
    out
}

//! Backups of the embedded store and restoring one.

/// One line on stderr saying what a backup or restore holds.
pub(super) fn report_copy(
    done: &str,
    path: &std::path::Path,
    copied: &crate::store::backup::Copied,
) {
    eprintln!(
        "{done} {}: {} actors, {} ties, schema version {}; integrity checked",
        path.display(),
        copied.actors,
        copied.ties,
        copied.schema_version
    );
}

//! Saved scenarios and city outlines in the embedded store.

use rusqlite::params;

use super::{SqliteStore, backend, corrupt};
use crate::domain::{ActorId, SavedRow, format_timestamp, parse_timestamp};
use crate::store::{PlanStore, Saved, StoreError, StoredDocument};

/// A table of JSON texts saved by name: its name, the text's column.
struct Named {
    table: &'static str,
    column: &'static str,
}

impl Named {
    fn of(kind: Saved) -> Self {
        match kind {
            Saved::Scenario => Named {
                table: "scenarios",
                column: "query",
            },
            Saved::Mapping => Named {
                table: "mappings",
                column: "body",
            },
        }
    }
}

#[async_trait::async_trait]
impl PlanStore for SqliteStore {
    async fn save_named(
        &self,
        kind: Saved,
        (name, text, saved_by, saved_at): SavedRow,
    ) -> Result<(), StoreError> {
        let saved_at = format_timestamp(&saved_at);
        let named = Named::of(kind);
        self.side_write(move |connection| {
            let Named { table, column, .. } = named;
            connection
                .execute(
                    &format!(
                        "INSERT INTO {table} (name, {column}, saved_by, saved_at) \
                         VALUES (?1, ?2, ?3, ?4) ON CONFLICT (name) DO UPDATE SET \
                         {column} = excluded.{column}, saved_by = excluded.saved_by, \
                         saved_at = excluded.saved_at"
                    ),
                    params![name, text, saved_by, saved_at],
                )
                .map(|_| ())
                .map_err(StoreError::backend)
        })
        .await
    }

    async fn named(&self, kind: Saved) -> Result<Vec<SavedRow>, StoreError> {
        let named = Named::of(kind);
        self.read(move |connection| {
            let Named { table, column, .. } = named;
            let mut statement = connection
                .prepare(&format!(
                    "SELECT name, {column}, saved_by, saved_at FROM {table} ORDER BY name"
                ))
                .map_err(backend)?;
            let rows = statement
                .query_map([], |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get::<_, String>(3)?,
                    ))
                })
                .map_err(backend)?;
            let mut out = Vec::new();
            for row in rows {
                let (name, text, saved_by, saved_at) = row.map_err(backend)?;
                let saved_at = parse_timestamp(&saved_at)
                    .map_err(|e| StoreError::backend(std::io::Error::other(e.to_string())))?;
                out.push((name, text, saved_by, saved_at));
            }
            Ok(out)
        })
        .await
    }

    async fn delete_named(&self, kind: Saved, name: &str) -> Result<(), StoreError> {
        let named = Named::of(kind);
        let name = name.to_owned();
        self.side_write(move |connection| {
            let (Named { table, .. }, what) = (named, kind.what());
            let deleted = connection
                .execute(&format!("DELETE FROM {table} WHERE name = ?1"), [&name])
                .map_err(StoreError::backend)?;
            if deleted == 0 {
                return Err(StoreError::NotFound(format!("{what} {name:?}")));
            }
            Ok(())
        })
        .await
    }

    async fn set_outline(&self, city: &ActorId, outline: Option<String>) -> Result<(), StoreError> {
        let city = city.clone();
        self.side_write(move |connection| {
            let updated = connection
                .execute(
                    "UPDATE actors SET outline = ?2 WHERE id = ?1",
                    params![city.as_str(), outline],
                )
                .map_err(StoreError::backend)?;
            if updated == 0 {
                return Err(StoreError::NotFound(format!("actor {city}")));
            }
            Ok(())
        })
        .await
    }

    async fn outlines(&self) -> Result<Vec<(ActorId, String)>, StoreError> {
        self.read(|connection| {
            let mut statement = connection
                .prepare("SELECT id, outline FROM actors WHERE outline IS NOT NULL ORDER BY id")
                .map_err(backend)?;
            let rows = statement
                .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get(1)?)))
                .map_err(backend)?;
            rows.map(|row| {
                let (id, outline) = row.map_err(backend)?;
                let id = ActorId::parse(&id).map_err(|_| backend(corrupt("id", &id)))?;
                Ok((id, outline))
            })
            .collect()
        })
        .await
    }

    async fn create_activation(
        &self,
        id: &str,
        started_at: &str,
        document: &str,
    ) -> Result<(), StoreError> {
        let (id, started_at, document) =
            (id.to_owned(), started_at.to_owned(), document.to_owned());
        self.side_write(move |connection| {
            connection
                .execute(
                    "INSERT INTO activations (id, revision, started_at, document) VALUES (?1, 1, ?2, ?3)",
                    params![id, started_at, document],
                )
                .map(|_| ())
                .map_err(StoreError::backend)
        })
        .await
    }

    async fn activations(&self) -> Result<Vec<StoredDocument>, StoreError> {
        self.read(|connection| {
            let mut statement = connection
                .prepare(
                    "SELECT id, revision, document FROM activations ORDER BY started_at DESC, id",
                )
                .map_err(backend)?;
            let rows = statement.query_map([], document_row).map_err(backend)?;
            rows.map(|row| row.map_err(backend)).collect()
        })
        .await
    }

    async fn activation(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let id = id.to_owned();
        self.read(move |connection| {
            use rusqlite::OptionalExtension;
            connection
                .query_row(
                    "SELECT id, revision, document FROM activations WHERE id = ?1",
                    [&id],
                    document_row,
                )
                .optional()
                .map_err(backend)
        })
        .await
    }

    async fn update_activation(
        &self,
        id: &str,
        revision: u64,
        document: &str,
    ) -> Result<(), StoreError> {
        let (id, document) = (id.to_owned(), document.to_owned());
        self.side_write(move |connection| {
            let updated = connection
                .execute(
                    "UPDATE activations SET document = ?3, revision = revision + 1 \
                     WHERE id = ?1 AND revision = ?2",
                    params![id, revision as i64, document],
                )
                .map_err(StoreError::backend)?;
            if updated == 1 {
                return Ok(());
            }
            let exists: i64 = connection
                .query_row(
                    "SELECT count(*) FROM activations WHERE id = ?1",
                    [&id],
                    |row| row.get(0),
                )
                .map_err(StoreError::backend)?;
            Err(if exists == 0 {
                StoreError::NotFound(format!("activation {id}"))
            } else {
                StoreError::Conflict(format!("activation {id} changed meanwhile"))
            })
        })
        .await
    }

    async fn mark_distinct(&self, a: &ActorId, b: &ActorId, by: &str) -> Result<(), StoreError> {
        let (a, b, by) = (a.to_string(), b.to_string(), by.to_owned());
        self.side_write(move |connection| {
            connection
                .execute(
                    "INSERT INTO distinct_pairs (a, b, marked_by, marked_at) VALUES (?1, ?2, ?3, ?4) \
                     ON CONFLICT (a, b) DO NOTHING",
                    params![a, b, by, format_timestamp(&crate::domain::now())],
                )
                .map(|_| ())
                .map_err(StoreError::backend)
        })
        .await
    }

    async fn distinct_pairs(&self) -> Result<Vec<(ActorId, ActorId)>, StoreError> {
        self.read(|connection| {
            let mut statement = connection
                .prepare("SELECT a, b FROM distinct_pairs ORDER BY a, b")
                .map_err(backend)?;
            let rows = statement.query_map([], pair_row).map_err(backend)?;
            rows.map(|row| {
                let (a, b) = row.map_err(backend)?;
                let parse = |id: &str| ActorId::parse(id).map_err(|_| backend(corrupt("id", id)));
                Ok((parse(&a)?, parse(&b)?))
            })
            .collect()
        })
        .await
    }
}

fn pair_row(row: &rusqlite::Row) -> rusqlite::Result<(String, String)> {
    Ok((row.get(0)?, row.get(1)?))
}

fn document_row(row: &rusqlite::Row) -> rusqlite::Result<StoredDocument> {
    Ok(StoredDocument {
        id: row.get(0)?,
        revision: row.get::<_, i64>(1)? as u64,
        document: row.get(2)?,
    })
}

//! The export use case: the part of the network whose consent covers the export's purpose
//! (research or partner sharing), in any export format, pseudonymised
//! when asked (always for roles that see no personal data), with metrics computed on that very
//! part. The job is prepared within the time budget and then written as a stream, holding its
//! whole-network permit until the last byte, so exports never pile up in memory.

use std::io::Write;
use std::sync::Arc;

use super::budget::Admission;
use super::snapshot::{Scope, Scoped};
use super::{ServiceError, Services, Weight};
use crate::analysis::{Area, MetricsOptions, actor_metrics};
use crate::domain::{Caller, Purpose, Timestamp, now};
use crate::export::{ExportError, ExportFormat, ExportOptions, prepare, write_export};

/// What an export asks for.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// The format.
    pub format: ExportFormat,
    /// Replace ids by pseudonyms and leave personal fields out; `None`: the role's default
    /// (roles that see no personal data always get pseudonyms).
    pub pseudonymize: Option<bool>,
    /// What the export is for (research when `None`): only migrants whose consent covers it
    /// are in it. Partner sharing is for roles that see personal data.
    pub purpose: Option<Purpose>,
    /// Attach per-actor metrics computed like this.
    pub metrics: Option<MetricsOptions>,
}

/// An export ready to be written.
pub struct ExportJob {
    format: ExportFormat,
    scoped: Arc<Scoped>,
    options: ExportOptions,
    snapshot_at: Timestamp,
    /// Holds the caller's slot and the whole-network permit until the export is written.
    _admission: Admission,
}

impl ExportJob {
    /// The format.
    pub fn format(&self) -> ExportFormat {
        self.format
    }

    /// Whether ids are pseudonyms.
    pub fn pseudonymized(&self) -> bool {
        self.options.pseudonymize.is_some()
    }

    /// How many actors the export holds.
    pub fn actors(&self) -> usize {
        self.scoped
            .exportable
            .as_ref()
            .map_or(0, |e| e.actors().count())
    }

    /// Writes the export (blocking: call it on the blocking pool). A writer that fails, such as
    /// one whose reader went away, ends it.
    pub fn write(self, out: impl Write) -> std::io::Result<()> {
        let exportable = self
            .scoped
            .exportable
            .as_ref()
            .expect("exports are made of the consenting scope");
        let prepared = prepare(exportable, self.format, self.options, &self.snapshot_at)
            .map_err(std::io::Error::other)?;
        write_export(&prepared, self.format, out)
    }
}

impl Services {
    /// Prepares an export for the caller: the part of the network whose consent covers the
    /// purpose (nobody's export holds a migrant whose consent does not, or has expired),
    /// pseudonymised for roles that see no personal
    /// data (asking for plain ids is then refused), metrics computed on the exported network.
    pub async fn export(
        &self,
        caller: &Caller,
        request: ExportRequest,
    ) -> Result<ExportJob, ServiceError> {
        let scope = match request.purpose.unwrap_or(Purpose::Research) {
            Purpose::Research => Scope::Research,
            Purpose::Partners if caller.role.sees_personal_data() => Scope::Partners,
            Purpose::Partners => {
                return Err(ServiceError::Forbidden(format!(
                    "a {} token exports for research only",
                    caller.role
                )));
            }
            Purpose::Warnings => {
                return Err(ServiceError::invalid(
                    "invalid_query",
                    "purpose",
                    "an export is for research or partners",
                ));
            }
        };
        let pseudonymize = match (caller.role.sees_personal_data(), request.pseudonymize) {
            (true, asked) => asked.unwrap_or(false),
            (false, Some(false)) => {
                return Err(ServiceError::Forbidden(format!(
                    "a {} token gets pseudonymised exports only",
                    caller.role
                )));
            }
            (false, _) => true,
        };
        if request.format == ExportFormat::Json && request.metrics.is_some() {
            return Err(ServiceError::invalid(
                "invalid_query",
                "with_metrics",
                ExportError::MetricsInJson.to_string(),
            ));
        }
        let pseudonymize = if pseudonymize {
            Some(self.pseudonymizer().await?)
        } else {
            None
        };
        // Outlines are not part of the network: read beside it, for the formats that draw them
        // (the export keeps those of the cities it holds, and none when pseudonymised).
        let outlines = if request.format == ExportFormat::Gpkg {
            self.outlines(caller)
                .await?
                .into_iter()
                .map(|(city, geometry)| {
                    let area = Area::from_geojson(geometry).map_err(|e| {
                        ServiceError::Internal(anyhow::anyhow!(
                            "a stored outline is not valid: {e}"
                        ))
                    })?;
                    Ok((city, area))
                })
                .collect::<Result<Vec<_>, ServiceError>>()?
        } else {
            Vec::new()
        };
        let (mut admission, snapshot) = self.begin(caller, Weight::WholeNetwork).await?;
        let snapshot_at = now();
        let metrics_options = request.metrics;
        let (scoped, metrics) = admission
            .run(Weight::WholeNetwork, move |cancel| {
                let scoped = snapshot.scoped(scope);
                let metrics = match metrics_options {
                    Some(options) => {
                        let table =
                            actor_metrics(&scoped.graph, &scoped.network, &options, cancel)?;
                        Some((table, options))
                    }
                    None => None,
                };
                Ok((scoped, metrics))
            })
            .await?;
        Ok(ExportJob {
            format: request.format,
            scoped,
            options: ExportOptions {
                pseudonymize,
                metrics,
                outlines,
            },
            snapshot_at,
            _admission: admission,
        })
    }
}

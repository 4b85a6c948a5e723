//! The interview in the field's form tools (graph-schema/README.md, "Interviews in KoboToolbox
//! and ODK"): the XLSForm of the current protocol, and the exports of its submissions imported
//! as interviews, each written as `POST /api/v1/interviews` writes one.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use super::interviews::{
    InterviewConsent, InterviewDocument, InterviewResult, NamedPerson, NewPerson, PersonRef,
};
use super::{ServiceError, Services};
use crate::document::{DocumentError, Submission, read_submissions, write_xlsx, xlsform};
use crate::domain::{Caller, DomainError, RowError, RowRef};
use crate::store::StoreError;

/// One submission of an export, written (or found written before) as an interview.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportedSubmission {
    /// Where it was in the export: the sheet or file, and the line.
    pub at: String,
    /// What became of it.
    pub interview: InterviewResult,
}

/// A select_multiple answer: its choices, separated by spaces.
fn choices(fields: &BTreeMap<String, String>, name: &str) -> Vec<String> {
    fields
        .get(name)
        .map(|v| v.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// A submission's key: Kobo's `_uuid`, else the `instanceID` (`uuid:` taken off), else ODK
/// Central's `KEY`.
fn key_of(fields: &BTreeMap<String, String>) -> Option<String> {
    ["_uuid", "instanceID", "KEY"]
        .iter()
        .find_map(|f| fields.get(*f))
        .map(|k| k.trim_start_matches("uuid:").to_owned())
}

/// A submission as the interview document a phone would have sent.
fn interview_of(submission: Submission) -> Result<InterviewDocument, Vec<RowError>> {
    let Submission { row, fields, named } = submission;
    let mut errors = Vec::new();
    let key = key_of(&fields);
    if key.is_none() {
        errors.push(RowError::new(&row, "_uuid", DomainError::Missing));
    }
    let protocol_version = match fields.get("protocol_version").map(|v| v.parse::<u64>()) {
        Some(Ok(version)) => version,
        Some(Err(_)) => {
            let reason = DomainError::NotANumber(fields["protocol_version"].clone());
            errors.push(RowError::new(&row, "protocol_version", reason));
            0
        }
        None => {
            errors.push(RowError::new(
                &row,
                "protocol_version",
                DomainError::Missing,
            ));
            0
        }
    };
    let person = |prefix: &str, fields: &BTreeMap<String, String>, default_kind: &str| {
        let field = |name: &str| fields.get(&format!("{prefix}_{name}")).cloned();
        match field("id") {
            Some(id) => PersonRef {
                id: Some(id),
                new: None,
            },
            None => PersonRef {
                id: None,
                new: Some(NewPerson {
                    kind: field("kind").unwrap_or_else(|| default_kind.to_owned()),
                    name: field("name").unwrap_or_default(),
                    languages: choices(fields, &format!("{prefix}_languages")),
                    city: field("city"),
                    channels: choices(fields, &format!("{prefix}_channels")),
                }),
            },
        }
    };
    let ego = person("ego", &fields, "migrant");
    let mut people = Vec::new();
    for (index, (place, answers)) in named.into_iter().enumerate() {
        let trust = match answers.get("named_trust").map(|t| t.parse::<u8>()) {
            None => None,
            Some(Ok(trust)) => Some(trust),
            Some(Err(_)) => {
                let reason = DomainError::NotANumber(answers["named_trust"].clone());
                errors.push(RowError::new(&place, "named_trust", reason));
                None
            }
        };
        let who = person("named", &answers, "migrant");
        people.push(NamedPerson {
            reference: format!("p{}", index + 1),
            id: who.id,
            new: who.new,
            generators: choices(&answers, "named_generators"),
            languages: choices(&answers, "named_languages"),
            channels: choices(&answers, "named_channels"),
            trust,
            frequency: answers.get("named_frequency").cloned(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(InterviewDocument {
        key: key.unwrap_or_default(),
        protocol_version,
        language: fields
            .get("interview_language")
            .cloned()
            .unwrap_or_else(|| "eng".into()),
        // `today` (a date), else the day of `start` (a timestamp).
        conducted_on: fields
            .get("conducted_on")
            .or_else(|| fields.get("start"))
            .map(|d| d.chars().take(10).collect()),
        consent: InterviewConsent {
            purposes: choices(&fields, "consent_purposes"),
            expires: fields
                .get("consent_expires")
                .map(|d| d.chars().take(10).collect()),
        },
        ego,
        named: people,
        sociogram: Vec::new(),
    })
}

impl Services {
    /// The XLSForm of the current interview protocol (sheets `survey`, `choices`, `settings`),
    /// with the network's languages offered besides the protocol's.
    pub async fn interview_xlsform(&self) -> Result<Vec<u8>, ServiceError> {
        let protocol = self.protocol(None).await?;
        let snapshot = self.snapshot().await?;
        let mut languages: Vec<String> = snapshot
            .network
            .actors
            .iter()
            .flat_map(|a| a.languages.as_slice().iter().map(ToString::to_string))
            .collect();
        languages.sort();
        languages.dedup();
        write_xlsx(&xlsform(&protocol, &languages)).map_err(|e| ServiceError::Internal(e.into()))
    }

    /// Imports an export of the interview form's submissions (KoboToolbox or ODK Central: XLSX,
    /// CSV with `,` or `;`, or a zip of CSV files): every submission is read and checked first,
    /// and nothing is written when one is unreadable (every bad row said); then each is written
    /// as one interview, all or nothing, once per submission key, so that sending the same
    /// export again writes nothing twice.
    pub async fn import_interviews(
        &self,
        caller: &Caller,
        bytes: Vec<u8>,
    ) -> Result<Vec<ImportedSubmission>, ServiceError> {
        let submissions = tokio::task::spawn_blocking(move || read_submissions(&bytes))
            .await
            .map_err(|e| ServiceError::Internal(e.into()))?
            .map_err(|error| match error {
                DocumentError::Malformed(message) => {
                    ServiceError::invalid("malformed_document", "body", message)
                }
                DocumentError::Rows(rows) => ServiceError::Store(StoreError::Rejected(rows)),
            })?;
        let mut documents = Vec::new();
        let mut errors = Vec::new();
        for submission in submissions {
            let at = submission.row.clone();
            match interview_of(submission) {
                Ok(document) => documents.push((at, document)),
                Err(rows) => errors.extend(rows),
            }
        }
        if !errors.is_empty() {
            return Err(ServiceError::Store(StoreError::Rejected(errors)));
        }
        let mut imported = Vec::new();
        for (at, document) in documents {
            let place = |at: &RowRef| format!("{} line {}", at.file, at.line);
            match self.submit_interview(caller, document).await {
                Ok(interview) => imported.push(ImportedSubmission {
                    at: place(&at),
                    interview,
                }),
                Err(error) => {
                    let message = match &error {
                        ServiceError::Store(StoreError::Rejected(rows)) => rows
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; "),
                        other => other.to_string(),
                    };
                    return Err(ServiceError::invalid(
                        "submission_rejected",
                        "body",
                        format!(
                            "the submission at {}: {message}. The {} before it were written; \
                             sending the export again after fixing it writes each only once",
                            place(&at),
                            imported.len()
                        ),
                    ));
                }
            }
        }
        Ok(imported)
    }
}

//! The relay query as JSON, the same for `POST /api/v1/reach`, `POST /api/v1/coverage` and
//! `relaymap reach|coverage --query FILE`.

use serde::Deserialize;

use super::AnalysisError;
use super::area::Area;
use super::relay::{MAX_HOPS_LIMIT, RelayQuery};
use crate::domain::{ActorId, Channel, parse_date};

/// A relay query as JSON: who relays to whom, over which ties.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = RelayQuery, example = json!({"max_hops": 3, "min_trust": 0.3,
    "channels": ["phone", "whatsapp"]}))]
pub(crate) struct QueryDto {
    /// The sources: actor ids (absent: every responder).
    #[schema(value_type = Option<Vec<ActorId>>)]
    from: Option<Vec<String>>,
    /// The affected area, a GeoJSON Polygon or MultiPolygon (geometry, Feature or
    /// FeatureCollection); the targets are the migrants located in it (absent: every migrant).
    #[schema(value_type = Option<Object>)]
    area: Option<serde_json::Value>,
    /// The most ties a message may cross (default 3).
    #[schema(value_type = Option<u8>, minimum = 1, maximum = 10)]
    max_hops: Option<serde_json::Number>,
    /// Ties trusted less than this are not used (default 0).
    #[schema(minimum = 0.0, maximum = 1.0)]
    min_trust: Option<f64>,
    /// Only ties that use one of these channels (absent: any channel).
    #[schema(value_type = Option<Vec<Channel>>)]
    channels: Option<Vec<String>>,
    /// Whether the two ends of each tie must share a language (default true).
    language_check: Option<bool>,
    /// Actors out of action (a flooded church, an absent leader): no message passes them.
    #[serde(default)]
    #[schema(value_type = Vec<ActorId>)]
    exclude: Vec<String>,
    /// Only ties last verified on or after this date (`YYYY-MM-DD`); never-verified ties are
    /// then unusable.
    #[schema(format = Date)]
    verified_since: Option<String>,
}

fn ids(field: &'static str, raw: &[String]) -> Result<Vec<ActorId>, AnalysisError> {
    raw.iter()
        .map(|id| ActorId::parse(id).map_err(|e| AnalysisError::invalid(field, e.to_string())))
        .collect()
}

impl RelayQuery {
    /// Parses a query from JSON text; every problem names its field.
    ///
    /// # Complexity
    /// O(size of the text), plus the area's points.
    ///
    /// # Example
    /// ```
    /// # use std::sync::atomic::AtomicBool;
    /// # use relaymap::analysis::*;
    /// # use relaymap::document::read_json;
    /// # use relaymap::domain::WriteMode;
    /// // r-1 ── o-1 ── m-1     m-2 (alone)
    /// # let document = r#"{"actors": [
    /// #     {"id": "r-1", "kind": "responder", "name": "R", "languages": ["tir"], "city": "c-1"},
    /// #     {"id": "o-1", "kind": "organisation", "name": "O", "languages": ["tir"], "city": "c-1"},
    /// #     {"id": "m-1", "kind": "migrant", "name": "A", "languages": ["tir"], "city": "c-1", "consent": true},
    /// #     {"id": "m-2", "kind": "migrant", "name": "B", "languages": ["ara"], "consent": false},
    /// #     {"id": "c-1", "kind": "city", "name": "Harbour"}],
    /// #   "ties": [{"source": "o-1", "target": "r-1", "kind": "partners_with", "trust": 0.8},
    /// #            {"source": "m-1", "target": "o-1", "kind": "member_of", "trust": 0.5}]}"#;
    /// # let network = read_json(document, WriteMode::Upsert).unwrap().into_network();
    /// # let graph = RelayGraph::build(&network, 1);
    /// # let never = AtomicBool::new(false);
    /// let query = RelayQuery::from_json(r#"{"from": ["r-1"], "max_hops": 2, "channels": ["phone"]}"#).unwrap();
    /// assert_eq!(query.max_hops, 2);
    /// match RelayQuery::from_json(r#"{"max_hops": 99}"#) {
    ///     Err(AnalysisError::InvalidQuery { field, .. }) => assert_eq!(field, "max_hops"),
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    pub fn from_json(text: &str) -> Result<Self, AnalysisError> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let dto: QueryDto =
            serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
                let path = error.path().to_string();
                let message = error.inner().to_string();
                let message = message
                    .split(" at line ")
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let field = match path.split('.').next() {
                    Some("from") => "from",
                    Some("area") => "area",
                    Some("max_hops") => "max_hops",
                    Some("min_trust") => "min_trust",
                    Some("channels") => "channels",
                    Some("language_check") => "language_check",
                    Some("exclude") => "exclude",
                    Some("verified_since") => "verified_since",
                    _ => "query",
                };
                AnalysisError::invalid(field, message)
            })?;
        deserializer
            .end()
            .map_err(|e| AnalysisError::invalid("query", e.to_string()))?;
        let defaults = RelayQuery::default();
        let max_hops = match dto.max_hops {
            None => defaults.max_hops,
            Some(n) => n
                .as_u64()
                .filter(|n| (1..=u64::from(MAX_HOPS_LIMIT)).contains(n))
                .map(|n| n as u8)
                .ok_or_else(|| {
                    AnalysisError::invalid(
                        "max_hops",
                        format!("must be a whole number from 1 to {MAX_HOPS_LIMIT}"),
                    )
                })?,
        };
        let min_trust = dto.min_trust.unwrap_or(defaults.min_trust);
        if !(0.0..=1.0).contains(&min_trust) {
            return Err(AnalysisError::invalid("min_trust", "must be from 0 to 1"));
        }
        let channels = dto
            .channels
            .map(|names| {
                names
                    .iter()
                    .map(|c| {
                        Channel::parse(c)
                            .map_err(|e| AnalysisError::invalid("channels", e.to_string()))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?;
        Ok(RelayQuery {
            from: dto
                .from
                .as_deref()
                .map(|raw| ids("from", raw))
                .transpose()?,
            area: dto.area.map(Area::from_geojson).transpose()?,
            max_hops,
            min_trust,
            channels,
            language_check: dto.language_check.unwrap_or(defaults.language_check),
            exclude: ids("exclude", &dto.exclude)?,
            verified_since: dto
                .verified_since
                .map(|d| {
                    parse_date(&d)
                        .map_err(|e| AnalysisError::invalid("verified_since", e.to_string()))
                })
                .transpose()?,
        })
    }

    /// A text equal for two queries exactly when every field is equal: what a snapshot keeps a
    /// query's search under. The derived `Debug` writes every field (a field added later too),
    /// each number as the shortest text that reads back to it.
    pub fn key(&self) -> String {
        format!("{self:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> &'static str {
        match RelayQuery::from_json(text) {
            Err(AnalysisError::InvalidQuery { field, .. }) => field,
            other => panic!("expected an invalid query, got {other:?}"),
        }
    }

    #[test]
    fn an_empty_query_takes_the_defaults() {
        let query = RelayQuery::from_json("{}").unwrap();
        assert_eq!(query.max_hops, 3);
        assert!(query.language_check);
        assert!(query.from.is_none() && query.area.is_none());
    }

    #[test]
    fn queries_that_differ_in_any_field_have_different_keys() {
        let base = RelayQuery::from_json("{}").unwrap();
        let written = RelayQuery::from_json(r#"{"max_hops": 3, "language_check": true}"#).unwrap();
        assert_eq!(base.key(), written.key(), "the defaults written out");
        let variants = [
            r#"{"max_hops": 2}"#,
            r#"{"min_trust": 0.1}"#,
            r#"{"min_trust": 0.10000000000000002}"#,
            r#"{"channels": ["phone"]}"#,
            r#"{"channels": []}"#,
            r#"{"language_check": false}"#,
            r#"{"exclude": ["o-1"]}"#,
            r#"{"from": ["r-1"]}"#,
            r#"{"verified_since": "2026-01-01"}"#,
            r#"{"area": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}"#,
            r#"{"area": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,2],[0,0]]]}}"#,
        ];
        let mut keys: Vec<String> = variants
            .iter()
            .map(|text| RelayQuery::from_json(text).unwrap().key())
            .collect();
        keys.push(base.key());
        let distinct: std::collections::HashSet<&String> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len(), "{keys:#?}");
    }

    #[test]
    fn each_bad_field_is_named() {
        assert_eq!(field(r#"{"max_hops": 11}"#), "max_hops");
        assert_eq!(field(r#"{"max_hops": 2.5}"#), "max_hops");
        assert_eq!(field(r#"{"min_trust": 1.5}"#), "min_trust");
        assert_eq!(field(r#"{"channels": ["pigeon"]}"#), "channels");
        assert_eq!(field(r#"{"from": ["bad id"]}"#), "from");
        assert_eq!(field(r#"{"from": "r-1"}"#), "from");
        assert_eq!(
            field(r#"{"verified_since": "last year"}"#),
            "verified_since"
        );
        assert_eq!(
            field(r#"{"area": {"type": "Point", "coordinates": [0, 0]}}"#),
            "area"
        );
        assert_eq!(field(r#"{"hops": 2}"#), "query");
        assert_eq!(field("[1]"), "query");
    }
}

//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of the JSON API, generated from the
//! handlers' annotations and the types they read and write. What every route shares (who may
//! call it, the errors of the access check, of the query string and of the body) is added from
//! the route registry, so the description cannot disagree with the access rules.

use std::sync::OnceLock;

use axum::http::{Method, header};
use axum::response::IntoResponse;
use utoipa::OpenApi;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

use super::{
    actors, audit, crisis, duplicates, export, figures, health, import, interviews, relay,
    research, scenarios, ties, view,
};
use crate::http::access::{Access, Rule};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "relaymap",
        description = "Migrants' community networks and who crisis responders can reach, through \
            whom. Send a token as `Authorization: Bearer <token>`; each operation says which \
            roles may call it. Personal data (names, channels, notes, attributes, exact \
            locations) reaches admins and coordinators only.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    paths(
        actors::list_actors,
        actors::create_actor,
        actors::get_actor,
        actors::replace_actor,
        actors::delete_actor,
        actors::list_actor_ties,
        actors::put_outline,
        actors::delete_outline,
        actors::list_outlines,
        ties::list_ties,
        ties::create_tie,
        ties::get_tie,
        ties::replace_tie,
        ties::delete_tie,
        import::import_network,
        import::list_mappings,
        import::save_mapping,
        import::delete_mapping,
        export::export_network,
        figures::get_stats,
        figures::get_aggregates,
        health::get_health,
        health::get_api_health,
        health::get_ready,
        audit::get_audit,
        relay::post_reach,
        relay::post_coverage,
        relay::get_actor_reach,
        scenarios::list_scenarios,
        scenarios::save_scenario,
        scenarios::delete_scenario,
        crisis::start_activation,
        crisis::list_activations,
        crisis::get_activation,
        crisis::record_contact,
        crisis::close_activation,
        crisis::activation_report,
        crisis::post_simulate,
        crisis::post_verification,
        duplicates::list_duplicates,
        duplicates::mark_distinct,
        duplicates::merge_actor,
        interviews::submit_interview,
        interviews::list_interviews,
        interviews::get_interview,
        interviews::get_protocol,
        interviews::put_protocol,
        interviews::get_roster,
        interviews::get_xlsform,
        interviews::import_interviews,
        research::get_metrics,
        research::get_summary,
        view::get_view,
        get_openapi,
        crate::http::monitor::get_counts,
    ),
    components(schemas(crate::export::ExportFormat)),
    security(("bearer" = [])),
    tags(
        (name = "actors", description = "Migrants, organisations, responders and cities"),
        (name = "ties", description = "Who knows whom, who belongs where, who works with whom"),
        (name = "network", description = "The network as a whole: import, export, counts"),
        (name = "relay", description = "Reach, coverage and saved crisis scenarios"),
        (name = "crisis", description = "Activations (live and drill), cascade simulation, ties to re-verify"),
        (name = "interviews", description = "Ego-network interviews from the field, their protocol, the roster to pick from"),
        (name = "research", description = "Network metrics, pseudonymised for analysts"),
        (name = "view", description = "The network laid out for drawing"),
        (name = "admin", description = "The audit trail"),
        (name = "health", description = "Liveness and readiness"),
        (name = "monitoring", description = "Counts for operators"),
    )
)]
struct ApiDoc;

/// This description, as JSON.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "health", security(()),
    responses((status = 200, description = "The OpenAPI 3.1 description", body = Object)))]
pub(super) async fn get_openapi() -> impl IntoResponse {
    static JSON: OnceLock<String> = OnceLock::new();
    let json = JSON.get_or_init(|| {
        let rules = super::routes(0)
            .merge(crate::http::pages::routes())
            .merge(crate::http::monitor::routes());
        serde_json::to_string(&description(rules.rules())).expect("the description serialises")
    });
    ([(header::CONTENT_TYPE, "application/json")], json.as_str())
}

/// The description of every annotated route, completed from the registry's rules.
pub fn description(rules: &[Rule]) -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some(
                    "A token from `relaymap token create` (or the first start's admin token)",
                ))
                .build(),
        ),
    );
    for (path, item) in doc.paths.paths.iter_mut() {
        let operations = [
            (Method::GET, &mut item.get),
            (Method::POST, &mut item.post),
            (Method::PUT, &mut item.put),
            (Method::DELETE, &mut item.delete),
        ];
        for (method, operation) in operations {
            let Some(operation) = operation else { continue };
            let rule = rules.iter().find(|r| r.method == method && r.path == path);
            complete(operation, rule);
        }
    }
    doc
}

/// Adds who may call the operation and the errors every route of its kind can answer.
fn complete(operation: &mut Operation, rule: Option<&Rule>) {
    let Some(rule) = rule else { return };
    let who = match rule.access {
        Access::Public => "Anyone, without a token.",
        Access::Aggregates => "Any valid token but an interviewer's (viewer and up).",
        Access::Interview => "Admins, coordinators and interviewers.",
        Access::Research => "Admins, coordinators and analysts.",
        Access::Network => "Admins and coordinators.",
        Access::Admin => "Admins only.",
    };
    let audited = if rule.audited {
        " Every call is written to the audit trail."
    } else {
        ""
    };
    let who = format!("**Who:** {who}{audited}");
    operation.description = Some(match operation.description.take() {
        Some(description) if !description.is_empty() => format!("{description}\n\n{who}"),
        _ => who,
    });
    let has_query = operation
        .parameters
        .iter()
        .flatten()
        .any(|p| matches!(p, RefOr::T(p) if matches!(p.parameter_in, ParameterIn::Query)));
    let has_body = operation.request_body.is_some();
    let mut add = |status: &str, why: &str| {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| error_response(why));
    };
    if rule.access != Access::Public {
        add(
            "401",
            "No token, or one that is unknown, expired or revoked",
        );
        add("403", "The token's role may not call this");
        add(
            "429",
            "Too many failed sign-ins or bad tokens from this client",
        );
    }
    if has_query || has_body {
        add("400", "A malformed parameter or body (`field` names it)");
    }
    if has_body {
        add("413", "The body is larger than allowed");
        add(
            "415",
            "The body's content type is not one this operation reads",
        );
    }
    add(
        "500",
        "A bug or a failing store: the details are in the server's log",
    );
    add(
        "503",
        "The store is unavailable, or the analysis ran past its time budget",
    );
}

fn error_response(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Error")))
                .build(),
        )
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Vec<Rule> {
        super::super::routes(0)
            .merge(crate::http::pages::routes())
            .merge(crate::http::monitor::routes())
            .rules()
            .to_vec()
    }

    fn described(doc: &utoipa::openapi::OpenApi, method: &Method, path: &str) -> bool {
        let Some(item) = doc.paths.paths.get(path) else {
            return false;
        };
        match *method {
            Method::GET => item.get.is_some(),
            Method::POST => item.post.is_some(),
            Method::PUT => item.put.is_some(),
            Method::DELETE => item.delete.is_some(),
            _ => false,
        }
    }

    #[test]
    fn every_route_of_the_json_api_is_described() {
        let rules = registry();
        let doc = description(&rules);
        let api = super::super::routes(0);
        let missing: Vec<String> = api
            .rules()
            .iter()
            .filter(|rule| !described(&doc, &rule.method, rule.path))
            .map(|rule| format!("{} {}", rule.method, rule.path))
            .collect();
        assert!(
            missing.is_empty(),
            "not in the OpenAPI description: {missing:?}"
        );
    }

    #[test]
    fn every_described_operation_is_a_registered_route() {
        let rules = registry();
        let doc = description(&rules);
        for (path, item) in &doc.paths.paths {
            for (method, present) in [
                (Method::GET, item.get.is_some()),
                (Method::POST, item.post.is_some()),
                (Method::PUT, item.put.is_some()),
                (Method::DELETE, item.delete.is_some()),
            ] {
                if present {
                    assert!(
                        rules.iter().any(|r| r.method == method && r.path == path),
                        "{method} {path} is described but not registered"
                    );
                }
            }
        }
    }

    /// Every `"$ref": "#/components/schemas/NAME"` in `value`.
    fn refs(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(target)) = map.get("$ref") {
                    found.push(target.clone());
                }
                map.values().for_each(|v| refs(v, found));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
            _ => {}
        }
    }

    #[test]
    fn every_reference_resolves() {
        let json = serde_json::to_value(description(&registry())).unwrap();
        let mut found = Vec::new();
        refs(&json, &mut found);
        assert!(found.len() > 50);
        for target in found {
            let name = target
                .strip_prefix("#/components/schemas/")
                .unwrap_or_else(|| panic!("{target} is not a schema reference"));
            assert!(
                json["components"]["schemas"].get(name).is_some(),
                "{target} does not resolve"
            );
        }
    }

    #[test]
    fn guarded_operations_document_the_access_errors_and_public_ones_need_no_token() {
        let rules = registry();
        let doc = description(&rules);
        let json = serde_json::to_value(&doc).unwrap();
        assert_eq!(json["openapi"], "3.1.0");
        for rule in &rules {
            let Some(operation) = json["paths"][rule.path].get(rule.method.as_str().to_lowercase())
            else {
                continue;
            };
            let responses = &operation["responses"];
            if rule.access == Access::Public {
                assert_eq!(
                    operation["security"],
                    serde_json::json!([{}]),
                    "{}",
                    rule.path
                );
                assert!(responses.get("401").is_none(), "{}", rule.path);
            } else {
                for status in ["401", "403", "429", "500", "503"] {
                    assert!(
                        responses.get(status).is_some(),
                        "{} {} lacks {status}",
                        rule.method,
                        rule.path
                    );
                }
            }
        }
    }
}

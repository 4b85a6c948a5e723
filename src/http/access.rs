//! Who may call what, decided in one place. Every route is registered through [`Routes`] with
//! the [`Access`] it needs; one middleware reads the bearer token, looks the route's rule up and
//! answers 401 or 403 before any handler runs, and records every audited call in the audit
//! trail. A route that somehow has no rule is refused (fail closed).

use std::sync::Arc;

use axum::Router;
use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::handler::Handler;
use axum::http::request::Parts;
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;

use super::{ApiError, AppState};
use crate::domain::{AuditEntry, Role, hash_secret, now};
use crate::store::GraphStore;

/// What a route needs of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, with or without a token (health checks).
    Public,
    /// Any valid token: counts and aggregates without personal data.
    Aggregates,
    /// Admins, coordinators and analysts: metrics, summaries and exports (pseudonymised for
    /// analysts).
    Research,
    /// Admins and coordinators: the network with its personal data, writes, relay analyses.
    Network,
    /// Admins: tokens and the audit trail.
    Admin,
}

impl Access {
    /// Whether a role may call a route that needs this.
    pub fn allows(self, role: Role) -> bool {
        match self {
            Access::Public | Access::Aggregates => true,
            Access::Research => role != Role::Viewer,
            Access::Network => matches!(role, Role::Admin | Role::Coordinator),
            Access::Admin => role == Role::Admin,
        }
    }
}

/// One route's rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The method.
    pub method: Method,
    /// The route as registered (`/api/v1/actors/{id}`).
    pub path: &'static str,
    /// Who may call it.
    pub access: Access,
    /// Whether calls go to the audit trail (every write; reads that hand data out in bulk).
    pub audited: bool,
}

/// The router under construction, with the rule of every route it holds.
pub struct Routes {
    router: Router<AppState>,
    rules: Vec<Rule>,
}

impl Default for Routes {
    fn default() -> Self {
        Self::new()
    }
}

impl Routes {
    /// No routes yet.
    pub fn new() -> Self {
        Self {
            router: Router::new(),
            rules: Vec::new(),
        }
    }

    /// Registers a route with its rule. Writes are audited; reads are not unless `audited`.
    pub fn add(
        mut self,
        method: Method,
        path: &'static str,
        access: Access,
        audited: bool,
        route: MethodRouter<AppState>,
    ) -> Self {
        assert!(
            !self
                .rules
                .iter()
                .any(|r| r.method == method && r.path == path),
            "{method} {path} registered twice"
        );
        let audited = audited || !matches!(method, Method::GET | Method::HEAD);
        self.rules.push(Rule {
            method,
            path,
            access,
            audited,
        });
        self.router = self.router.route(path, route);
        self
    }

    /// A `GET` route.
    pub fn get<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(
            Method::GET,
            path,
            access,
            false,
            axum::routing::get(handler),
        )
    }

    /// A `GET` route whose calls are audited (bulk reads: exports, the audit trail).
    pub fn get_audited<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::GET, path, access, true, axum::routing::get(handler))
    }

    /// A `POST` route.
    pub fn post<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(
            Method::POST,
            path,
            access,
            true,
            axum::routing::post(handler),
        )
    }

    /// A `PUT` route.
    pub fn put<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::PUT, path, access, true, axum::routing::put(handler))
    }

    /// A `DELETE` route.
    pub fn delete<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(
            Method::DELETE,
            path,
            access,
            true,
            axum::routing::delete(handler),
        )
    }

    /// The rules of every route registered so far.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Adds every route of `other`.
    pub fn merge(mut self, other: Routes) -> Self {
        for rule in &other.rules {
            assert!(
                !self
                    .rules
                    .iter()
                    .any(|r| r.method == rule.method && r.path == rule.path),
                "{} {} registered twice",
                rule.method,
                rule.path
            );
        }
        self.rules.extend(other.rules);
        self.router = self.router.merge(other.router);
        self
    }

    /// The router, guarded by the access middleware, and the rules it holds.
    pub fn finish(self, store: Arc<dyn GraphStore>) -> (Router<AppState>, Arc<Vec<Rule>>) {
        let rules = Arc::new(self.rules);
        let gate = Gate {
            store,
            rules: rules.clone(),
        };
        let router = self
            .router
            .route_layer(axum::middleware::from_fn_with_state(gate, authorize));
        (router, rules)
    }
}

/// The caller of a guarded route: the token's label and role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The token's label, as the audit trail shows it.
    pub label: String,
    /// The token's role.
    pub role: Role,
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .ok_or(ApiError::Unauthenticated(
                "send a token: Authorization: Bearer <token>",
            ))
    }
}

/// What the middleware needs.
#[derive(Clone)]
struct Gate {
    store: Arc<dyn GraphStore>,
    rules: Arc<Vec<Rule>>,
}

/// The bearer token of a request, if it carries one.
fn bearer(request: &Request) -> Option<&str> {
    request
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// The ids in a request's path where its route has parameters (`/api/v1/actors/{id}` →
/// `m-0001`): the audit trail's target. Ids are not personal data; names never travel in paths.
fn path_target(route: &str, path: &str) -> Option<String> {
    let values: Vec<&str> = route
        .split('/')
        .zip(path.split('/'))
        .filter(|(pattern, _)| pattern.starts_with('{'))
        .map(|(_, value)| value)
        .collect();
    (!values.is_empty()).then(|| values.join("/"))
}

async fn authorize(State(gate): State<Gate>, mut request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned());
    let method = match request.method() {
        &Method::HEAD => Method::GET,
        other => other.clone(),
    };
    let rule = route.as_deref().and_then(|route| {
        gate.rules
            .iter()
            .find(|r| r.method == method && r.path == route)
    });
    let Some(rule) = rule.cloned() else {
        if route
            .as_deref()
            .is_some_and(|route| gate.rules.iter().any(|r| r.path == route))
        {
            // A method the route does not have: the router answers 405, with no data.
            return next.run(request).await;
        }
        tracing::error!(%method, "refused a route that has no access rule");
        return ApiError::Forbidden("this route has no access rule".into()).into_response();
    };
    if rule.access == Access::Public {
        return next.run(request).await;
    }
    let target = if rule.method == Method::GET {
        request.uri().query().map(str::to_owned)
    } else {
        path_target(rule.path, request.uri().path())
    };
    let action = format!("{} {}", rule.method, rule.path);
    let record = |who: String, role: Option<Role>, outcome: String| {
        let store = gate.store.clone();
        let entry = AuditEntry {
            seq: 0,
            at: now(),
            who,
            role,
            action: action.clone(),
            target: target.clone(),
            outcome,
        };
        async move {
            if let Err(error) = store.append_audit(&entry).await {
                tracing::error!(error = %crate::telemetry::chain(&error), "audit trail write failed");
            }
        }
    };
    let Some(secret) = bearer(&request) else {
        return ApiError::Unauthenticated("send a token: Authorization: Bearer <token>")
            .into_response();
    };
    let token = match gate.store.token_by_hash(&hash_secret(secret)).await {
        Ok(token) => token.filter(|t| t.is_valid_at(&now())),
        Err(error) => return ApiError::from(error).into_response(),
    };
    let Some(token) = token else {
        record("anonymous".into(), None, "unauthenticated".into()).await;
        return ApiError::Unauthenticated("the token is unknown, expired or revoked")
            .into_response();
    };
    if !rule.access.allows(token.role) {
        if rule.audited {
            record(token.label.clone(), Some(token.role), "forbidden".into()).await;
        }
        return ApiError::Forbidden(format!("a {} token may not do this", token.role))
            .into_response();
    }
    let caller = Caller {
        label: token.label.clone(),
        role: token.role,
    };
    request.extensions_mut().insert(caller);
    let response = next.run(request).await;
    if rule.audited {
        let status = response.status();
        let outcome = if status.is_success() {
            "ok".to_owned()
        } else {
            status.as_u16().to_string()
        };
        record(token.label, Some(token.role), outcome).await;
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_reach_what_their_work_needs_and_no_more() {
        use Role::*;
        let allowed = |access: Access| -> Vec<Role> {
            Role::ALL
                .into_iter()
                .filter(|r| access.allows(*r))
                .collect()
        };
        assert_eq!(
            allowed(Access::Aggregates),
            [Admin, Coordinator, Analyst, Viewer]
        );
        assert_eq!(allowed(Access::Research), [Admin, Coordinator, Analyst]);
        assert_eq!(allowed(Access::Network), [Admin, Coordinator]);
        assert_eq!(allowed(Access::Admin), [Admin]);
    }

    #[test]
    fn the_audit_target_is_the_path_parameters() {
        assert_eq!(
            path_target("/api/v1/actors/{id}", "/api/v1/actors/m-1"),
            Some("m-1".into())
        );
        assert_eq!(path_target("/api/v1/import", "/api/v1/import"), None);
    }
}
